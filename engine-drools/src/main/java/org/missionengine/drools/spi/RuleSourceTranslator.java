package org.missionengine.drools.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Turns a rule file that is not DRL (a spreadsheet decision table, say) into DRL, which then goes through the same
 * allow-list, parameter checks and compilation as a {@code .drl} file. Implementations are found with
 * {@link java.util.ServiceLoader}: a module registers one in
 * {@code META-INF/services/org.missionengine.drools.spi.RuleSourceTranslator}, so that {@code engine-drools} itself
 * needs none of the libraries that read such files.
 *
 * <p>A translator reports the mistakes of a file as an {@link org.missionengine.InvalidRulesException} whose problems
 * name the file and the place in it a user can find ({@code Rules!C12}), never a line of the generated DRL.
 */
public interface RuleSourceTranslator {

    /**
     * The file name endings this translator reads.
     *
     * @return the endings, lower case and with their dot, e.g. {@code .xlsx}
     */
    Set<String> extensions();

    /**
     * What a file of this kind is called in messages.
     *
     * @return for example {@code decision table}
     */
    String kind();

    /**
     * Translates one file.
     *
     * @param file        the file to read
     * @param displayPath the file's name as messages show it
     * @return the DRL and where each of its lines comes from
     */
    TranslatedRules translate(Path file, String displayPath);

    /**
     * The translators on the class path.
     *
     * @return the translators, in the order the service files list them
     */
    static List<RuleSourceTranslator> installed() {
        return ServiceLoader.load(RuleSourceTranslator.class, RuleSourceTranslator.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).toList();
    }

    /**
     * The installed translator that reads files named like {@code file}, if any.
     *
     * @param file a rule file
     * @return the first installed translator whose endings match the file's name, case ignored; empty for none
     */
    static Optional<RuleSourceTranslator> forFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return installed().stream().filter(t -> t.extensions().stream().anyMatch(name::endsWith)).findFirst();
    }
}
