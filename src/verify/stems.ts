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

/** Words that carry no claim content: function words, hedges and the verbs that introduce an attribution. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or but nor of to in on at by for from with without as is are was were be been being it its " +
    "this that these those their there they them he she his her we our you your i me my which who whom whose " +
    "what when where why how than then so such also both either neither each any all some several most more " +
    "many much very can could may might must shall should will would do does did done has have had having " +
    "into over under about after before between during through while not no yes if only just still even " +
    "however therefore thus similarly explicitly specifically clearly generally further other others same " +
    "one two three including include includes included per via whether like" +
    " state states stated notes noted note recommend recommends recommended suggest suggests suggested say " +
    "says said conclude concludes concluded find finds found report reports reported support supports " +
    "supported advise advises advised emphasize emphasizes emphasized emphasise emphasises emphasised provide " +
    "provides provided issue issues issued identify identifies identified review reviewed consider considers " +
    "considered make makes made give gives gave list lists listed describe describes described according guideline guidelines guidance document publication article paper study synthesis"
  )
    .split(/\s+/)
    .filter((w) => w.length > 0),
);
