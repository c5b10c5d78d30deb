/**
 * Deployment records (design "Deployment checklists"): the pre / during / post items, each
 * automatic item's catalogue result or each manual item's signature, baseline and post-deployment
 * performance, the closing status, and the record as Markdown.
 */
package cz.mluv.db.checklist;
