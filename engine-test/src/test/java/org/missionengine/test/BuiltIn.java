package org.missionengine.test;

/** One verifier of the built-in packs shared by the test classes: compiling the rules is the slow part. */
final class BuiltIn {
    static final PolicyVerifier VERIFIER = PolicyVerifier.builtIn();

    private BuiltIn() {
    }
}
