/**
 * Not API: helpers that Mission Engine's own modules share (atomic file writing, "did you mean" hints, strict UTF-8
 * decoding, amounts of money as messages and reports write them). engine-api's module-info exports this package to
 * those modules only, so code on the module path cannot use it; on the class path it is visible but offers no
 * compatibility: it may change or move in any release, and is left out of the Javadoc and of the API compatibility
 * check.
 */
package org.missionengine.internal;
