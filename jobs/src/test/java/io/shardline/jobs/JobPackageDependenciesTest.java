package io.shardline.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The jobs depend downward only: a job's package uses the shared packages below it and never another
 * job's, so what two jobs share lives in a package both depend on. The demo is the one job built on
 * another: it runs the game-metrics job.
 */
class JobPackageDependenciesTest {
    private static final String ROOT = "io.shardline.jobs";
    /** One package per job or command. */
    private static final List<String> JOBS =
            List.of("archive", "demo", "game", "index", "replication", "sql", "verify");
    /** What the jobs share. */
    private static final List<String> SHARED = List.of("cli", "flink", "search", "selection", "tables", "versions");

    private final JavaClasses classes = new ClassFileImporter().importPath(mainClasses());

    /** The jobs' compiled main classes (not the class path, which also holds the tests and every library). */
    private static Path mainClasses() {
        try {
            return Path.of(JobsLauncher.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyPackageIsAJobOrShared() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : classes) {
            String name = type.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                packages.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        assertThat(packages)
                .as("the jobs' packages; a new one is added to JOBS or SHARED here")
                .containsExactlyInAnyOrderElementsOf(
                        Stream.concat(JOBS.stream(), SHARED.stream()).toList());
    }

    @Test
    void noJobUsesAnotherJobsPackage() {
        for (String job : JOBS) {
            String[] others = JOBS.stream()
                    .filter(other -> !other.equals(job))
                    .filter(other -> !(job.equals("demo") && other.equals("game")))
                    .map(other -> ROOT + "." + other + "..")
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + job + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .because("what two jobs share belongs in a shared package")
                    .check(classes);
        }
    }

    @Test
    void sharedPackagesUseNoJob() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        SHARED.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        JOBS.stream().map(name -> ROOT + "." + name + "..").toArray(String[]::new))
                .check(classes);
    }
}
