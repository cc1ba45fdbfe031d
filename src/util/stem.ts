/**
 * Stemming-lite for the lexical tie-breaker: lower case, British/American "ae" spelling folded, a few English
 * suffixes removed (recommendations → recommendation, injections → injection, targeted → target) and a final
 * silent e (urge → urg, like urged).
 * Deliberately crude and documented so a reviewer can reproduce a score by hand.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, "").replace(/ae/g, "e");
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
    w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  // "urge" and "urged" alike: a final silent e goes after the suffixes above.
  if (w.length > 3 && w.endsWith("e") && !w.endsWith("ee")) w = w.slice(0, -1);
  return w;
}
