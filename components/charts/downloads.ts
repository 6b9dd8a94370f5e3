// Downloads of what a chart shows: its table as CSV, its drawing as PNG. Browser only.
import { toCsv } from "@/lib/formats/write/csv";

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadCsv(filename: string, header: string[], rows: (string | number | null)[][]) {
  save(new Blob([toCsv(header, rows)], { type: "text/csv;charset=utf-8" }), filename);
}

type Legend = { colour: string; label: string }[];

/** The chart's own drawing: its largest Recharts surface (legend icons are small surfaces too), or a map. */
function chartSurface(container: HTMLElement): SVGSVGElement | null {
  const area = (svg: SVGSVGElement) => svg.getBoundingClientRect().width * svg.getBoundingClientRect().height;
  const surfaces = [...container.querySelectorAll<SVGSVGElement>("svg.recharts-surface, svg[data-chart-surface]")];
  return surfaces.sort((a, b) => area(b) - area(a))[0] ?? null;
}

/** The legend drawn in HTML beside the SVG (Recharts' or a map's), as colour and label pairs. */
function legendOf(container: HTMLElement): Legend {
  const own = [...container.querySelectorAll("[data-legend-colour]")].map((item) => ({
    colour: item.getAttribute("data-legend-colour") ?? "#000000",
    label: item.textContent?.trim() ?? "",
  }));
  if (own.length) return own;
  return [...container.querySelectorAll(".recharts-legend-item")].map((item) => {
    const mark = item.querySelector("path, rect, line");
    const colour = mark?.getAttribute("fill") || mark?.getAttribute("stroke") || "#000000";
    return {
      colour: colour === "none" ? (mark?.getAttribute("stroke") ?? "#000000") : colour,
      label: item.textContent ?? "",
    };
  });
}

async function drawnSvg(svg: SVGSVGElement, width: number, height: number, font: string): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  clone.style.fontFamily = font;
  const image = new Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("Could not draw the chart"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  });
  return image;
}

/**
 * Saves the chart as a PNG that stands on its own: its title above, the drawing at twice its size, its
 * legend, and the source and date below (`caption`: the project and the as-of date of the figures).
 */
export async function downloadPng(container: HTMLElement, filename: string, title: string, caption = "") {
  const svg = chartSurface(container);
  if (!svg) return;
  const { width, height } = svg.getBoundingClientRect();
  const font = getComputedStyle(container).fontFamily;
  const image = await drawnSvg(svg, width, height, font);
  const legend = legendOf(container);
  const [top, legendHeight, bottom] = [30, legend.length ? 22 : 0, caption ? 22 : 6];
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil((top + height + legendHeight + bottom) * scale);
  const context = canvas.getContext("2d");
  if (!context) return;
  context.scale(scale, scale);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, width, top + height + legendHeight + bottom);
  context.fillStyle = "#1a1a1a";
  context.font = `600 14px ${font}`;
  context.fillText(title, 8, 20, width - 16);
  context.drawImage(image, 0, top, width, height);
  context.font = `12px ${font}`;
  let x = 8;
  for (const item of legend) {
    context.fillStyle = item.colour;
    context.fillRect(x, top + height + 6, 10, 10);
    context.fillStyle = "#1a1a1a";
    context.fillText(item.label, x + 14, top + height + 15);
    x += 14 + context.measureText(item.label).width + 16;
  }
  if (caption) {
    context.fillStyle = "#555555";
    context.font = `11px ${font}`;
    context.fillText(caption, 8, top + height + legendHeight + 15, width - 16);
  }
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (blob) save(blob, filename);
}
