/**
 * What IATI has no element for (measure kind, time rule, source, counts behind percentages, sample sizes,
 * survey rounds) travels in attributes of this namespace, which the schema allows on these elements, so
 * the app can re-import its own files with the same numbers. Other IATI tools ignore them.
 */
export const IATI_EXTENSION_NS = "urn:me-dashboard:iati-extension:1";
