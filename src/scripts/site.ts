/** Behaviour every page shares: the theme toggle and the printed footer's date. */
import { initPrintDate } from "./print";
import { initThemeToggle } from "./theme";

initThemeToggle();
initPrintDate();
