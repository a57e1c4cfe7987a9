/**
 * Not API: helpers that Mission Engine's own modules share (atomic file writing, "did you mean" hints). Public only
 * because Java has no other way to share them across packages and modules; they may change or move in any release,
 * are left out of the Javadoc and of the API compatibility check, and applications should not use them.
 */
package org.missionengine.internal;
