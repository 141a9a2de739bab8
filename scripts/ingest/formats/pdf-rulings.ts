/**
 * Ruling lines of a PDF page (table borders, rules under a letterhead) from pdf.js's operator list:
 * stroked straight segments that run level or plumb, and filled rectangles thin enough to be drawn
 * lines (Word draws cell borders that way). Curves, clipping paths and large filled areas are not
 * rulings.
 *
 * pdf.js (4.x on, checked against 6.5) hands paths over as one `constructPath` operator per painted
 * path: args `[paintOp, [Float32Array | null], minMax | null]`, the array holding DrawOPS codes
 * (0 moveTo x y, 1 lineTo x y, 2 curveTo x1 y1 x2 y2 x y, 3 quadraticCurveTo x1 y1 x y, 4 closePath)
 * in user space, `re` already turned into moveTo/lineTo/closePath. The current transformation matrix
 * is not applied: `save`, `restore`, `transform` and form XObjects are followed here.
 */

/** A level (`h`) or plumb (`v`) line on the page, in points, y growing downwards from the top. */
export interface Ruling {
  axis: 'h' | 'v';
  /** y of a level line, x of a plumb one. */
  at: number;
  /** Where it starts and ends along its axis (from < to). */
  from: number;
  to: number;
}

/** The pdf.js operator codes this module reads (pass pdf.js's own `OPS`). */
export interface OperatorCodes {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

/** An operator list as pdf.js's `page.getOperatorList()` gives it. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

/** A segment off level or plumb by at most this many points still counts as level or plumb. */
const SKEW = 0.5;
/** A filled rectangle at most this many points thick is a drawn line (Word's cell borders are 0.5–2.25 pt). */
const MAX_RULE_WIDTH = 3;
/** Shorter segments (ticks, bullets, glyph-like marks) are not rulings. */
const MIN_RULE_LENGTH = 3;

const DRAW = { moveTo: 0, lineTo: 1, curveTo: 2, quadraticCurveTo: 3, closePath: 4 } as const;

type Matrix = [number, number, number, number, number, number];

/** The rulings of one page, in top-down page coordinates (`pageTop` is the y of the page's top edge in PDF space). */
export function pageRulings(list: OperatorList, ops: OperatorCodes, pageTop: number): Ruling[] {
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const rulings: Ruling[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const matrix = args[0] as Matrix | null;
      if (matrix) ctm = multiply(ctm, matrix);
    } else if (fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      if (!data || (!strokes.has(paint) && !fills.has(paint))) continue;
      for (const sub of subpaths(data, ctm, pageTop)) {
        if (strokes.has(paint)) rulings.push(...strokedRulings(sub));
        if (fills.has(paint)) {
          const rule = filledRuling(sub);
          if (rule) rulings.push(rule);
        }
      }
    }
  }
  return rulings;
}

/** A subpath as its points in page coordinates, closed (last point = first) when the path closed it. */
function subpaths(data: ArrayLike<number>, ctm: Matrix, pageTop: number): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let current: Array<[number, number]> = [];
  const point = (x: number, y: number): [number, number] => [ctm[0] * x + ctm[2] * y + ctm[4], pageTop - (ctm[1] * x + ctm[3] * y + ctm[5])];
  const end = () => {
    if (current.length > 1) out.push(current);
    current = [];
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i++];
    if (code === DRAW.moveTo) {
      end();
      current.push(point(data[i++], data[i++]));
    } else if (code === DRAW.lineTo) current.push(point(data[i++], data[i++]));
    else if (code === DRAW.curveTo) {
      // A curve breaks the run of straight segments: what follows starts afresh from its end.
      i += 4;
      const to = point(data[i++], data[i++]);
      end();
      current.push(to);
    } else if (code === DRAW.quadraticCurveTo) {
      i += 2;
      const to = point(data[i++], data[i++]);
      end();
      current.push(to);
    } else if (code === DRAW.closePath) {
      if (current.length > 1) current.push(current[0]);
      const start = current[0];
      end();
      if (start) current.push(start);
    } else break; // an unknown code: the rest of the buffer cannot be read
  }
  end();
  return out;
}

/** Each level or plumb straight segment of a stroked subpath. */
function strokedRulings(points: Array<[number, number]>): Ruling[] {
  const out: Ruling[] = [];
  for (let k = 1; k < points.length; k++) {
    const rule = segmentRuling(points[k - 1], points[k]);
    if (rule) out.push(rule);
  }
  return out;
}

function segmentRuling([x1, y1]: [number, number], [x2, y2]: [number, number]): Ruling | null {
  if (Math.abs(y1 - y2) <= SKEW && Math.abs(x2 - x1) >= MIN_RULE_LENGTH) return { axis: 'h', at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) };
  if (Math.abs(x1 - x2) <= SKEW && Math.abs(y2 - y1) >= MIN_RULE_LENGTH) return { axis: 'v', at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) };
  return null;
}

/** A filled subpath that is a thin level or plumb rectangle, as the line it draws. */
function filledRuling(points: Array<[number, number]>): Ruling | null {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Every corner on the bounding box: an upright rectangle, not a triangle or a slanted shape.
  if (!points.every(([x, y]) => (near(x, left) || near(x, right)) && (near(y, top) || near(y, bottom)))) return null;
  const width = right - left;
  const height = bottom - top;
  if (height <= MAX_RULE_WIDTH && width >= MIN_RULE_LENGTH && width > height) return { axis: 'h', at: (top + bottom) / 2, from: left, to: right };
  if (width <= MAX_RULE_WIDTH && height >= MIN_RULE_LENGTH && height > width) return { axis: 'v', at: (left + right) / 2, from: top, to: bottom };
  return null;
}

const near = (a: number, b: number) => Math.abs(a - b) <= SKEW;

function multiply([a, b, c, d, e, f]: Matrix, [a2, b2, c2, d2, e2, f2]: Matrix): Matrix {
  // The new matrix applies first, then the current one (PDF's `cm` pre-multiplies the CTM).
  return [a2 * a + b2 * c, a2 * b + b2 * d, c2 * a + d2 * c, c2 * b + d2 * d, e2 * a + f2 * c + e, e2 * b + f2 * d + f];
}
