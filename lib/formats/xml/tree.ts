// A small element tree from XML text, for reading IATI files. saxes is a strict, non-validating parser:
// it never fetches external entities or DTDs, so an uploaded file cannot make the server read anything.
import { SaxesParser } from "saxes";

export type XmlElement = {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  line: number;
};

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    /** Why, as a translatable code: not well-formed, a DTD, nested too deep, too large. */
    readonly code: "xmlSyntax" | "xmlDoctype" | "xmlTooDeep" | "xmlTooLarge" = "xmlSyntax",
  ) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/** Deeper than any IATI file nests (about ten levels); a deeper one is built to exhaust the parser. */
export const MAX_XML_DEPTH = 64;
/** Characters of XML read at most (an IATI file of hundreds of activities is a few MB). */
export const MAX_XML_LENGTH = 20 * 1024 * 1024;

/** Characters handed to the parser at a time (it carries a character pair split between two over). */
const WRITE_SLICE = 64 * 1024;

export function parseXml(xml: string): XmlElement {
  if (xml.length > MAX_XML_LENGTH) throw new XmlSyntaxError("The file is too large", 0, "xmlTooLarge");
  const parser = new SaxesParser({ xmlns: false, position: true });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "", line: 0 };
  const stack: XmlElement[] = [root];
  let failure: XmlSyntaxError | null = null;
  parser.on("error", (error) => {
    failure ??= new XmlSyntaxError(error.message, parser.line);
  });
  // DTDs (and the entities they declare) are refused outright, whatever they say.
  parser.on("doctype", () => {
    failure ??= new XmlSyntaxError("DTDs and entities are not accepted", parser.line, "xmlDoctype");
  });
  parser.on("opentag", (tag) => {
    if (stack.length > MAX_XML_DEPTH) {
      failure ??= new XmlSyntaxError("Elements are nested too deep", parser.line, "xmlTooDeep");
      return;
    }
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: "",
      line: parser.line,
    };
    stack.at(-1)?.children.push(element);
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const addText = (text: string) => {
    const current = stack.at(-1);
    if (current) current.text += text;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  // Written a slice at a time, so the first failure (a DTD, a nesting past the cap) stops the reading
  // at once: a file nested a million deep is refused after 64 levels, not after the parser has built
  // (and closed again) a million open tags.
  for (let at = 0; at < xml.length && !failure; at += WRITE_SLICE) parser.write(xml.slice(at, at + WRITE_SLICE));
  if (failure) throw failure;
  parser.close();
  if (failure) throw failure;
  return root;
}

export const child = (e: XmlElement | undefined, name: string) => e?.children.find((c) => c.name === name);
export const children = (e: XmlElement | undefined, name: string) => e?.children.filter((c) => c.name === name) ?? [];

/** The first narrative's text (in the given language when there is one), trimmed. */
export function narrative(e: XmlElement | undefined, lang?: string): string {
  const all = children(e, "narrative");
  const chosen = (lang && all.find((n) => n.attributes["xml:lang"] === lang)) || all[0];
  return chosen?.text.trim().replace(/\s+/g, " ") ?? "";
}
