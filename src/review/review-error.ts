/** One problem with a field of the input: where it is, what was received and what is expected. */
export interface FieldProblem {
  /** A stable code tests and clients can rely on. */
  code: ReviewProblemCode;
  path: string;
  received: string;
  expected: string;
}

export type ReviewProblemCode =
  /** A diagnosis (ICD-10-CM-shaped) code given as a requested service. */
  | "diagnosis-as-service"
  /** An HCPCS modifier (any 2-character code) given as a requested service. */
  | "modifier-as-service"
  /** A service that is not the shape of any supported code (e.g. "hello", "6462"). */
  | "malformed-service-code"
  /** A procedure code (CPT-shaped, or an HCPCS procedure code that is no ICD-10-CM code) given as a diagnosis. */
  | "procedure-as-diagnosis"
  /** A diagnosis that is not the shape of an ICD-10-CM code (e.g. "XYZ.9", "M5", a modifier). */
  | "malformed-diagnosis-code"
  /** The requested policy profile does not cover the procedure family of the request. */
  | "policy-not-for-family"
  /** Facts that cannot all be true (conservative care longer than the pain, a block dated after the service). */
  | "impossible-facts";

/** A case the review cannot take as it is: every field problem, in input order. */
export class ReviewError extends Error {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(problems.map((p) => `expected ${p.expected}, received ${p.received} at ${p.path}`).join("; "));
    this.name = "ReviewError";
  }
}
