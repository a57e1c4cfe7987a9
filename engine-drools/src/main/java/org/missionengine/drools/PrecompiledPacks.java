package org.missionengine.drools;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in packs compiled when the library is built, so that building an engine need not compile them again:
 * compiling the DRL is most of a cold start, and reading the compiled packages back takes a fraction of it. The archive
 * ({@value #RESOURCE}) names what it was compiled from: a fingerprint of every built-in DRL file and the Drools version.
 * It is used only when both match what is on the class path now, and any trouble reading it means compiling from the
 * DRL as before, so the archive can make an engine faster to build, never different.
 */
final class PrecompiledPacks {
    private static final Logger LOG = LoggerFactory.getLogger(PrecompiledPacks.class);

    static final String RESOURCE = "org/missionengine/rules/builtins.kpkg";
    /** {@code -Dmissionengine.precompiledPacks=false} compiles the built-in packs from their DRL, as before. */
    static final boolean ENABLED = !"false".equalsIgnoreCase(System.getProperty("missionengine.precompiledPacks"));
    private static final String MAGIC = "mission-engine-precompiled-packs/1";

    private PrecompiledPacks() {
    }

    /** The compiled packages of these built-in packs, if the archive on the class path was made from them. */
    static Optional<Collection<KiePackage>> load(List<RulePack> builtIns) {
        return ENABLED ? read(builtIns) : Optional.empty();
    }

    static Optional<Collection<KiePackage>> read(List<RulePack> builtIns) {
        ClassLoader loader = PrecompiledPacks.class.getClassLoader();
        try (InputStream raw = loader.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                return Optional.empty();
            }
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            if (!MAGIC.equals(in.readUTF()) || !fingerprint(builtIns).equals(in.readUTF())) {
                LOG.debug("{} was compiled from other rule files or another Drools: compiling the packs", RESOURCE);
                return Optional.empty();
            }
            ObjectInputStream objects = new DroolsObjectInputStream(in, loader);
            @SuppressWarnings("unchecked")
            List<KiePackage> packages = (List<KiePackage>) objects.readObject();
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.debug("cannot read {}: compiling the packs", RESOURCE, e);
            return Optional.empty();
        }
    }

    /** Compiles the built-in packs and writes the archive (run by the build, before the jar is made). */
    static void write(Path file) throws IOException {
        List<RulePack> builtIns = RulePackLoader.builtIns();
        Collection<KiePackage> packages = PackCompiler.fromSource(builtIns);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(MAGIC);
        out.writeUTF(fingerprint(builtIns));
        try (ObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
            objects.writeObject(new ArrayList<>(packages));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, bytes.toByteArray());
    }

    /** What the archive depends on: every built-in DRL file (path and text) and the Drools version. */
    static String fingerprint(List<RulePack> builtIns) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(droolsVersion().getBytes(StandardCharsets.UTF_8));
            for (RulePack pack : builtIns) {
                for (RulePack.DrlSource drl : pack.sources()) {
                    digest.update(("\0" + drl.displayPath() + "\0").getBytes(StandardCharsets.UTF_8));
                    digest.update(drl.text().getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** From drools-core's Maven metadata, which a shaded jar keeps (its manifest is replaced). */
    private static String droolsVersion() {
        try (InputStream in = KiePackage.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
