/**
 * `text` in Unicode compatibility decomposition (NFKD, UAX #15) with its combining marks (`\p{M}`)
 * dropped: `é` → `e`, `São` → `Sao`, `ﬁ` → `fi`, fullwidth `Ａ` → `A`. Characters with no
 * decomposition to ASCII (`ß`, `ø`, `🌍`) stay as they are, for the caller to replace. The first
 * step of every name this package maps or suggests (image keys, property keys, band ids, asset-id
 * segments), so `é_x` becomes `e_x`, not `__x`.
 */
export function foldMarks(text: string): string {
    return text.normalize("NFKD").replace(/\p{M}/gu, "");
}
