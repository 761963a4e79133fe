package org.tamga.cli;

import org.tamga.bench.Startup;
import org.tamga.core.SampleProject;
import org.tamga.model.TamgaException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run the build records its ahead-of-time cache from ({@code target/tamga.aot}, see
 * the pom's {@code aot-cache} profile): makes a sample project in a folder and runs the commands
 * {@code bench --startup} measures, and a search, in this one process.
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/aot-training"));
        Path project = dir.resolve("training.tamga");
        Files.deleteIfExists(project);
        SampleProject.create(project, dir.resolve("cache")).close();
        StringWriter sink = new StringWriter();
        List<List<String>> runs = new ArrayList<>(Startup.commands(project, 0));
        runs.add(List.of("search", project.toString(), "草场"));
        for (List<String> command : runs) {
            int code = Cli.run(command.toArray(String[]::new), new PrintWriter(sink), new PrintWriter(sink));
            if (code != 0) throw new TamgaException("training run: tamga " + String.join(" ", command) + " failed: " + sink);
        }
    }
}
