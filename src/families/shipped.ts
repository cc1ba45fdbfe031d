import type { FamilyModule } from "./family-module.js";
import { siJointFamily } from "./si-joint/input.js";

/** The procedure families this server ships, in the order tools describe them. */
export const SHIPPED_FAMILIES: readonly FamilyModule[] = [siJointFamily];
