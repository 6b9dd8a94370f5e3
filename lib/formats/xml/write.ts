// A minimal XML writer: elements as plain data, rendered with escaping. Enough for IATI activity files.
import { plainNumber } from "@/lib/formats/write/plain-number";

export type XmlNode = {
  name: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  children?: (XmlNode | string | null)[];
};

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function el(name: string, attrs?: XmlNode["attrs"], ...children: (XmlNode | string | null)[]): XmlNode {
  return { name, attrs, children };
}

export function renderXml(node: XmlNode, depth = 0): string {
  const pad = "  ".repeat(depth);
  const attrs = Object.entries(node.attrs ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(
      ([k, v]) =>
        ` ${k}="${escapeXml(typeof v === "boolean" ? (v ? "1" : "0") : typeof v === "number" ? plainNumber(v) : String(v))}"`,
    )
    .join("");
  const children = (node.children ?? []).filter((c): c is XmlNode | string => c !== null);
  if (children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  if (children.every((c) => typeof c === "string"))
    return `${pad}<${node.name}${attrs}>${escapeXml(children.join(""))}</${node.name}>`;
  const inner = children
    .map((c) => (typeof c === "string" ? `${pad}  ${escapeXml(c)}` : renderXml(c, depth + 1)))
    .join("\n");
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}
