import type { Determination } from "../engine/determination.js";
import type { LetterType } from "./letter-schema.js";

/**
 * The letter follows the overall determination: only "not-medically-necessary" yields a denial;
 * "medically-necessary" an approval and "insufficient-information" a request for information, never a denial.
 */
export function letterTypeOf(determination: Determination): LetterType {
  switch (determination) {
    case "not-medically-necessary":
      return "denial";
    case "medically-necessary":
      return "approval";
    case "insufficient-information":
      return "request-for-information";
    case "not-applicable":
      return "not-applicable";
  }
}

export const LETTER_TITLES: Record<LetterType, string> = {
  denial: "Notice of denial of coverage",
  approval: "Notice of approval",
  "request-for-information": "Request for more information before we decide",
  "not-applicable": "Notice: your request needs individual review",
};
