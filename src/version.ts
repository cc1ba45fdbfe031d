/** Engine version: bump when evaluation logic changes; it is written into every audit record. */
export const SERVER_NAME = "medical-necessity-mcp";
export const SERVER_VERSION = "0.1.0";
