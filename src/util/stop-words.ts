/** Function words: dropped from passage-search questions and terms (citeGuideline) and, when a query has other words, from code searches (lookupCodes). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the of for to in on at by with from into about as and or if than then so such that " +
    "this these those it its is are was were be been being do does did what which who whom whose " +
    "when where why how can could should would may might must will shall i we you they he she me " +
    "my our your their there any some all each per via us also has have had having up out"
  ).split(" "),
);

/**
 * Words that carry no claim content (verifyCitations): the function words, plus hedges and the verbs
 * that introduce an attribution ("states", "recommends", "found").
 */
export const CLAIM_STOP_WORDS: ReadonlySet<string> = new Set([
  ...FUNCTION_WORDS,
  ...(
    "but nor without them his her both either neither several most more many much very done over " +
    "under after before between during through while not no yes only just still even however " +
    "therefore thus similarly explicitly specifically clearly generally further other others " +
    "same one two three including include includes included whether like state states stated " +
    "notes noted note recommend recommends recommended suggest suggests suggested say says said " +
    "conclude concludes concluded find finds found report reports reported support supports " +
    "supported advise advises advised emphasize emphasizes emphasized emphasise emphasises " +
    "emphasised provide provides provided issue issues issued identify identifies identified " +
    "review reviewed consider considers considered make makes made give gives gave list lists " +
    "listed describe describes described according guideline guidelines guidance document " +
    "publication article paper study synthesis"
  ).split(" "),
]);
