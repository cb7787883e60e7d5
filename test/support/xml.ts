/**
 * A small well-formedness check of XML as this project writes it (an SVG): one root element, every tag
 * closed in order, attributes quoted and unique, entities among XML's five or numeric, no stray `<` or `&`.
 * Returns the elements with their attributes, or throws with where it failed.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
}

export function parseXml(text: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const open: string[] = [];
  let roots = 0;
  const checkText = (t: string, at: number) => {
    if (t.includes('<')) throw new Error(`stray < at ${at}`);
    const bad = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(t);
    if (bad) throw new Error(`bad entity at ${at + bad.index}`);
  };
  let i = 0;
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    if (lt < 0) {
      checkText(body.slice(i), i);
      if (body.slice(i).trim() !== '') throw new Error('text after the root element');
      break;
    }
    checkText(body.slice(i, lt), i);
    if (open.length === 0 && body.slice(i, lt).trim() !== '') throw new Error(`text outside the root at ${i}`);
    const gt = body.indexOf('>', lt);
    if (gt < 0) throw new Error(`unclosed tag at ${lt}`);
    const tag = body.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      if (open.pop() !== name) throw new Error(`</${name}> closes the wrong element at ${lt}`);
    } else {
      const selfClosing = tag.endsWith('/');
      const m = /^([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_:][\w:.-]*="[^"<]*")*)\s*\/?$/.exec(tag);
      if (!m) throw new Error(`malformed tag <${tag}> at ${lt}`);
      const attributes: Record<string, string> = {};
      for (const a of m[2].matchAll(/([A-Za-z_:][\w:.-]*)="([^"]*)"/g)) {
        if (a[1] in attributes) throw new Error(`attribute ${a[1]} twice at ${lt}`);
        checkText(a[2], lt);
        attributes[a[1]] = a[2];
      }
      if (open.length === 0) roots++;
      if (roots > 1) throw new Error('more than one root element');
      elements.push({ name: m[1], attributes });
      if (!selfClosing) open.push(m[1]);
    }
    i = gt + 1;
  }
  if (open.length > 0) throw new Error(`unclosed <${open[open.length - 1]}>`);
  if (roots !== 1) throw new Error('no root element');
  return elements;
}
