/**
 * Pagefind's excerpts are our own page text, escaped, with <mark> around the words that matched. They
 * are shown as HTML so the highlights survive; anything other than <mark> is reduced to its text first,
 * so an excerpt can never inject markup.
 */
export function renderExcerpt(html: string, className: string): HTMLParagraphElement {
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const element of [...template.content.querySelectorAll("*")].reverse()) {
    if (element.tagName !== "MARK" || element.attributes.length > 0)
      element.replaceWith(document.createTextNode(element.textContent ?? ""));
  }
  const paragraph = document.createElement("p");
  // Highlights read as highlights without colour too: bold on a tinted background.
  paragraph.className = `${className} [&_mark]:rounded-sm [&_mark]:bg-accent-soft [&_mark]:px-0.5 [&_mark]:font-semibold [&_mark]:text-ink`;
  paragraph.append(template.content);
  return paragraph;
}
