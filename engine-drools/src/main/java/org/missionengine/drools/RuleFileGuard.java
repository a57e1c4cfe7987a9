package org.missionengine.drools;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.missionengine.Problem;

/**
 * The allow-list of what a custom rule file may use, checked on the DRL text before it is compiled: a static scan of
 * its imports, its fully qualified names and a list of tokens (System.exit, Runtime, threads, reflection, class
 * loaders, files, the network). It is a guard against mistakes and casual misuse, <b>not a security sandbox</b>: the
 * Java a rule runs is not analysed, and a determined author can get around a text scan. Files the user trusts are
 * not scanned at all (see {@code EngineConfig.trusts}); built-in packs neither.
 *
 * <p>Allowed: the API's {@code org.missionengine.model}, {@code .report} and {@code .rules}; {@code java.lang} (but
 * not {@code System.exit} and the other {@code System} members that change the JVM or read its environment, not
 * {@code Runtime}, {@code ProcessBuilder}, {@code Thread}, reflection or class loaders); {@code java.util} with
 * {@code function}, {@code stream} and {@code regex}; {@code java.time} with {@code format} and {@code temporal};
 * {@code java.math}; and the file's own DRL package (its declared types).
 *
 * <p>Refused as well: loops ({@code while}, {@code for}, {@code do}, MVEL's {@code foreach} and {@code until}) and
 * functions that call themselves, directly or through other functions of the file. A consequence that never ends
 * could not be stopped: the engine halts a session past its time limit between two firings and interrupts a
 * consequence that waits, but nothing stops a thread spinning in a loop ({@code Thread.stop} is gone from the JDK).
 * Streams without an end ({@code Stream.iterate}, {@code generate}, {@code Random.ints()}) are loops too, and refused.
 * Without loops, a consequence runs a bounded number of steps; what a loop would count, sum or collect is written as
 * an {@code accumulate} in the conditions.
 */
final class RuleFileGuard {
    static final Set<String> ALLOWED_PACKAGES = Set.of("org.missionengine.model", "org.missionengine.report",
            "org.missionengine.rules", "java.lang", "java.util", "java.util.function", "java.util.stream",
            "java.util.regex", "java.time", "java.time.format", "java.time.temporal", "java.math");

    /** The System members a rule may use: printing, clocks, arrays. */
    static final Set<String> ALLOWED_SYSTEM_MEMBERS = Set.of("out", "err", "currentTimeMillis", "nanoTime",
            "lineSeparator", "identityHashCode", "arraycopy");

    /** Classes of java.lang a rule may not import or name. */
    private static final Map<String, String> DENIED_JAVA_LANG = ordered(
            "System", "System is imported (its exit, properties and environment are not for rules)",
            "Runtime", "Runtime can end the JVM and start processes",
            "ProcessBuilder", "ProcessBuilder starts processes",
            "ProcessHandle", "ProcessHandle controls processes",
            "Thread", "Thread starts, stops or pauses threads",
            "ThreadGroup", "ThreadGroup controls threads",
            "ClassLoader", "a ClassLoader loads arbitrary code",
            "Class", "Class is the door to reflection",
            "SecurityManager", "SecurityManager changes the JVM's security",
            "Module", "Module opens the JVM's modules to reflection",
            "ModuleLayer", "ModuleLayer loads modules");

    /** What a package outside the allow-list is for, to say why it is refused. */
    private static final Map<String, String> PACKAGE_PURPOSES = ordered(
            "java.io", "files and streams",
            "java.nio", "files and channels",
            "java.net", "the network",
            "javax.net", "the network",
            "java.net.http", "the network",
            "java.lang.reflect", "reflection",
            "java.lang.invoke", "reflection",
            "java.lang.management", "the JVM's management",
            "java.lang.instrument", "the JVM's instrumentation",
            "java.lang.ref", "the garbage collector",
            "java.util.concurrent", "threads",
            "java.util.logging", "logging configuration",
            "java.util.prefs", "the user's preferences store",
            "java.util.zip", "files and archives",
            "java.util.jar", "files and archives",
            "java.sql", "databases",
            "javax.sql", "databases",
            "javax.script", "running scripts",
            "javax.naming", "directory lookups",
            "java.rmi", "remote calls",
            "java.security", "security settings",
            "sun", "the JDK's internals",
            "jdk", "the JDK's internals",
            "com.sun", "the JDK's internals",
            "org.kie", "the rule engine's internals",
            "org.drools", "the rule engine's internals",
            "org.mvel2", "the rule engine's internals");

    /** Tokens refused wherever they appear in code, with the reason. */
    private static final List<Token> TOKENS = List.of(
            new Token("\\bSystem\\s*\\.\\s*(\\w+)", null),
            new Token("\\bRuntime\\b", "Runtime can end the JVM and start processes"),
            new Token("\\bProcessBuilder\\b", "ProcessBuilder starts processes"),
            new Token("\\bProcessHandle\\b", "ProcessHandle controls processes"),
            new Token("\\bThread(Group)?\\b", "threads are not for rules: a rule runs on the engine's thread"),
            new Token("\\b(ClassLoader|getClassLoader|getContextClassLoader|classLoader|contextClassLoader)\\b",
                    "class loaders load arbitrary code"),
            new Token("\\bforName\\s*\\(", "Class.forName is reflection"),
            new Token("\\b[\\w$]+\\s*\\.\\s*class\\s*\\.\\s*\\w+", "a class literal's members are reflection"),
            new Token("\\bgetClass\\s*\\(\\s*\\)\\s*\\.\\s*\\w+", "getClass() members are reflection"),
            new Token("\\b(getDeclared\\w*|getMethods?|getFields?|getConstructors?|setAccessible|newInstance)\\s*\\(",
                    "reflection"),
            new Token("\\bMethodHandles?\\b", "reflection"),
            new Token("\\bSecurityManager\\b", "SecurityManager changes the JVM's security"),
            new Token("\\bnew\\s+File\\s*\\(", "it opens files"),
            new Token("\\b(Files|Paths)\\s*\\.", "it opens files"),
            new Token("\\bPath\\s*\\.\\s*of\\s*\\(", "it opens files"),
            new Token("\\b(FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile)\\b",
                    "it opens files"),
            new Token("\\b(Socket|ServerSocket|DatagramSocket|URL|URLConnection|HttpClient|HttpURLConnection)\\b",
                    "it opens network connections"),
            new Token("\\bDriverManager\\b", "it opens database connections"));

    private static final Pattern PACKAGE_DECLARATION = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;?");
    private static final Pattern IMPORT = Pattern.compile(
            "\\bimport\\s+(?:(static|function|accumulate)\\s+)?([\\w$]+(?:\\s*\\.\\s*[\\w$]+)*(?:\\s*\\.\\s*\\*)?)");
    private static final Pattern QUALIFIED_NAME = Pattern.compile(
            "(?<![\\w$.])([a-z_][a-z0-9_]*(?:\\s*\\.\\s*[a-z_][a-z0-9_]*)+)\\s*\\.\\s*([A-Z][\\w$]*)");
    /** Java's and MVEL's loop statements; "do[name]" is DRL's named consequence, not a loop. */
    private static final Pattern LOOP = Pattern.compile("\\b(while|for|foreach|until)\\s*\\(|\\bdo\\b(?!\\s*\\[)");
    /**
     * Streams without an end, which a terminal operation such as forEach runs as a loop that never ends: the streams'
     * {@code iterate} and {@code generate} (also imported statically), and {@code Random}'s {@code ints()},
     * {@code longs()} and {@code doubles()} without a size.
     */
    private static final Pattern ENDLESS_STREAM = Pattern.compile(
            "\\.\\s*(?:<[^<>{};]*>\\s*)?(iterate|generate)\\s*\\(|\\.\\s*(ints|longs|doubles)\\s*\\(\\s*\\)"
            + "|\\bimport\\s+static\\s+java\\s*\\.\\s*util\\s*\\.\\s*stream\\s*\\.\\s*(?:Int|Long|Double)?Stream\\s*\\.\\s*"
            + "(iterate|generate|\\*)");
    private static final Pattern FUNCTION = Pattern.compile(
            "\\bfunction\\s+[\\w$.]+(?:\\s*<[^>{}]*>)?(?:\\s*\\[\\s*])*\\s+([\\w$]+)\\s*\\(");
    private static final String LOOP_WAY_OUT = "Count, sum or collect over facts in the rule's conditions with an "
            + "accumulate (e.g. accumulate(Project() from $m.projects(); $n : count())), or let the rule fire once per "
            + "fact. ";
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+([0-9a-fA-F]{4})");

    private record Token(String regex, String reason) {
        Pattern pattern() {
            return Pattern.compile(regex);
        }
    }

    private RuleFileGuard() {
    }

    /**
     * The problems of one DRL source, each at {@code file:line}, with why it is refused and how to trust the file.
     *
     * @param trustHint how to trust this file ("pass it with --trust-rules ..."), the end of every problem's hint
     */
    static List<Problem> check(String displayPath, String drl, String trustHint) {
        String code = codeOnly(decodeUnicodeEscapes(drl));
        String ownPackage = null;
        Matcher declaration = PACKAGE_DECLARATION.matcher(code);
        if (declaration.find()) {
            ownPackage = declaration.group(1);
            code = blank(code, declaration.start(), declaration.end());
        }
        List<Problem> problems = new ArrayList<>();
        String hint = "Rule files may use org.missionengine.model, .report and .rules; java.lang (without "
                + "System.exit, Runtime, processes, threads, reflection or class loaders); java.util, java.time and "
                + "java.math. " + trustHint;

        problems.addAll(endlessStreams(displayPath, code, trustHint));
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            String target = imports.group(2).replaceAll("\\s+", "");
            String kind = imports.group(1);
            String why = refusedImport(target, kind, ownPackage);
            if (why != null) {
                problems.add(new Problem(displayPath, line(code, imports.start()), "import " + target + " is not "
                        + "allowed in a rule file: " + why, hint));
            }
            code = blank(code, imports.start(), imports.end());
        }
        Matcher names = QUALIFIED_NAME.matcher(code);
        while (names.find()) {
            String pkg = names.group(1).replaceAll("\\s+", "");
            String name = pkg + "." + names.group(2);
            String why = refusedClass(pkg, names.group(2), ownPackage);
            if (why != null) {
                problems.add(new Problem(displayPath, line(code, names.start()), name + " is not allowed in a rule "
                        + "file: " + why, hint));
            }
        }
        for (Token token : TOKENS) {
            Matcher m = token.pattern().matcher(code);
            while (m.find()) {
                String reason = token.reason();
                String found = m.group().replaceAll("\\s*([.(])\\s*", "$1").replaceAll("\\s+", " ")
                        .replaceAll("[(.]$", "");
                if (reason == null) { // System.member
                    String member = m.group(1);
                    if (ALLOWED_SYSTEM_MEMBERS.contains(member)) {
                        continue;
                    }
                    found = "System." + member;
                    reason = member.equals("exit") ? "it would end the whole application, not just the evaluation"
                            : member.equals("getenv") || member.startsWith("getPropert")
                            ? "it reads the application's environment" : "it changes the JVM the engine runs in";
                }
                problems.add(new Problem(displayPath, line(code, m.start()), found + " is not allowed in a rule "
                        + "file: " + reason, hint));
            }
        }
        problems.addAll(loops(displayPath, code, trustHint));
        problems.addAll(recursion(displayPath, code, trustHint));
        problems.sort((a, b) -> Integer.compare(Integer.parseInt(a.location()), Integer.parseInt(b.location())));
        return dropRepeats(problems);
    }

    /** Every loop statement, at its line: a loop that never ends could not be stopped (see {@link Watchdog}). */
    private static List<Problem> loops(String displayPath, String code, String trustHint) {
        List<Problem> problems = new ArrayList<>();
        Matcher m = LOOP.matcher(code);
        String lastLine = null;
        while (m.find()) {
            String line = line(code, m.start());
            if (line.equals(lastLine)) {
                continue; // one loop a line: "do { } while (...)" is one loop
            }
            lastLine = line;
            String keyword = m.group(1) != null ? m.group(1) : "do";
            problems.add(new Problem(displayPath, line, "a " + keyword + " loop is not allowed in a "
                    + "rule file: a loop in a consequence or function cannot be stopped if it never ends",
                    LOOP_WAY_OUT + trustHint));
        }
        return problems;
    }

    /** Every stream without an end, at its line: forEach over it is a loop that never ends. */
    private static List<Problem> endlessStreams(String displayPath, String code, String trustHint) {
        List<Problem> problems = new ArrayList<>();
        Matcher m = ENDLESS_STREAM.matcher(code);
        while (m.find()) {
            String what = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) + "()"
                    : m.group(3).equals("*") ? "a static import of a stream's iterate and generate" : m.group(3);
            problems.add(new Problem(displayPath, line(code, m.start()), (m.group(3) != null && m.group(3).equals("*")
                    ? what : what + " (a stream without an end)") + " is not allowed in a rule file: a stream "
                    + "without an end is a loop, which cannot be stopped if it never ends",
                    "Stream over a collection or a range (IntStream.range) instead. " + LOOP_WAY_OUT + trustHint));
        }
        return problems;
    }

    /**
     * Every function that calls itself, directly or through other functions of the file, at its first call on the way
     * back to itself: recursion without end could not be stopped either.
     */
    private static List<Problem> recursion(String displayPath, String code, String trustHint) {
        Map<String, Integer> bodyStart = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        Matcher declaration = FUNCTION.matcher(code);
        while (declaration.find()) {
            int open = code.indexOf('{', declaration.end());
            if (open < 0) {
                break;
            }
            int close = open;
            for (int depth = 0; close < code.length(); close++) {
                char c = code.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            bodyStart.put(declaration.group(1), open);
            bodies.put(declaration.group(1), code.substring(open, Math.min(close + 1, code.length())));
        }
        List<Problem> problems = new ArrayList<>();
        for (String function : bodies.keySet()) {
            for (String callee : bodies.keySet()) {
                Matcher call = call(callee).matcher(bodies.get(function));
                if (call.find() && reaches(callee, function, bodies, new java.util.HashSet<>())) {
                    String how = callee.equals(function) ? "calls itself" : "calls itself through " + callee;
                    problems.add(new Problem(displayPath, line(code, bodyStart.get(function) + call.start()),
                            "function " + function + " " + how + ": recursion is not allowed in a rule file, as "
                            + "recursion that never ends cannot be stopped", LOOP_WAY_OUT + trustHint));
                    break;
                }
            }
        }
        return problems;
    }

    /** True when {@code from} is {@code to} or calls, directly or not, {@code to}. */
    private static boolean reaches(String from, String to, Map<String, String> bodies, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String callee : bodies.keySet()) {
            if (call(callee).matcher(bodies.get(from)).find() && reaches(callee, to, bodies, seen)) {
                return true;
            }
        }
        return false;
    }

    private static Pattern call(String function) {
        return Pattern.compile("(?<![\\w$.])" + Pattern.quote(function) + "\\s*\\(");
    }

    /** Why an import is refused, or null when it is allowed. */
    private static String refusedImport(String target, String kind, String ownPackage) {
        List<String> parts = List.of(target.split("\\."));
        int firstClass = -1;
        for (int i = 0; i < parts.size(); i++) {
            if (!parts.get(i).isEmpty() && Character.isUpperCase(parts.get(i).charAt(0))) {
                firstClass = i;
                break;
            }
        }
        if (firstClass < 0) {
            // "import java.util.*" or "import function pkg.fn" (lower case all the way): a package
            String pkg = target.endsWith(".*") ? target.substring(0, target.length() - 2)
                    : target.contains(".") ? target.substring(0, target.lastIndexOf('.')) : target;
            return refusedPackage(pkg, ownPackage);
        }
        String pkg = String.join(".", parts.subList(0, firstClass));
        return refusedClass(pkg, parts.get(firstClass), ownPackage);
    }

    private static String refusedClass(String pkg, String simpleName, String ownPackage) {
        if (pkg.equals("java.lang") && DENIED_JAVA_LANG.containsKey(simpleName)) {
            return DENIED_JAVA_LANG.get(simpleName);
        }
        return refusedPackage(pkg, ownPackage);
    }

    private static String refusedPackage(String pkg, String ownPackage) {
        if (ALLOWED_PACKAGES.contains(pkg) || ownPackage != null && (pkg.equals(ownPackage)
                || pkg.startsWith(ownPackage + "."))) {
            return null;
        }
        String purpose = null;
        String longest = "";
        for (Map.Entry<String, String> e : PACKAGE_PURPOSES.entrySet()) {
            if ((pkg.equals(e.getKey()) || pkg.startsWith(e.getKey() + ".")) && e.getKey().length() > longest.length()) {
                longest = e.getKey();
                purpose = e.getValue();
            }
        }
        return "package " + pkg + (purpose == null ? " is outside the allow-list" : " is for " + purpose);
    }

    /** One problem per line and thing: an import and the token scan may both see java.io.File. */
    private static List<Problem> dropRepeats(List<Problem> problems) {
        List<Problem> kept = new ArrayList<>();
        for (Problem p : problems) {
            boolean repeat = kept.stream().anyMatch(k -> k.location().equals(p.location())
                    && (k.message().startsWith("import ") || k.message().contains(subject(p))));
            if (!repeat) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static String subject(Problem p) {
        return p.message().substring(0, p.message().indexOf(" is not allowed"));
    }

    /** Replaces comments and string and character literals by spaces, keeping every line break and position. */
    static String codeOnly(String drl) {
        StringBuilder out = new StringBuilder(drl.length());
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '/') {
                while (i < n && drl.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (c == '/' && i + 1 < n && drl.charAt(i + 1) == '*') {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' && drl.startsWith("\"\"\"", i)) {
                int end = drl.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                for (; i < end; i++) {
                    out.append(drl.charAt(i) == '\n' ? '\n' : ' ');
                }
            } else if (c == '"' || c == '\'') {
                out.append(' ');
                i++;
                while (i < n && drl.charAt(i) != c && drl.charAt(i) != '\n') {
                    if (drl.charAt(i) == '\\' && i + 1 < n) {
                        out.append(' ');
                        i++;
                    }
                    out.append(' ');
                    i++;
                }
                if (i < n && drl.charAt(i) == c) {
                    out.append(' ');
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Java reads unicode escapes anywhere in a source, so an escaped S before "ystem.exit" is System.exit: decode them
     * first (line breaks written as escapes become spaces, so that line numbers stay those of the file).
     */
    private static String decodeUnicodeEscapes(String drl) {
        Matcher m = UNICODE_ESCAPE.matcher(drl);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            char c = (char) Integer.parseInt(m.group(1), 16);
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c == '\n' || c == '\r' ? ' ' : c)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String blank(String code, int start, int end) {
        StringBuilder sb = new StringBuilder(code);
        for (int i = start; i < end; i++) {
            if (sb.charAt(i) != '\n') {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    private static String line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return String.valueOf(line);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
