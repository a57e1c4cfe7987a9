package org.missionengine.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.missionengine.InvalidPortfolioException;
import org.missionengine.Problem;
import org.missionengine.model.Portfolio;

/**
 * The whole file as one Jackson tree, checked and bound: the plainest way to read a portfolio, kept as the reference
 * that the record-by-record reader ({@link PortfolioFiles#read}) is tested against. Not used by the library.
 */
final class TreeReader {
    private TreeReader() {
    }

    static Portfolio read(byte[] bytes, String fileName) {
        ObjectMapper mapper = Json.forFile(fileName);
        byte[] content = PortfolioFiles.withoutByteOrderMark(bytes);
        if (isBlank(content)) {
            throw new InvalidPortfolioException(List.of(PortfolioFiles.empty(fileName)));
        }
        JsonNode root;
        try {
            if (Json.isYaml(fileName)) {
                PortfolioFiles.refuseYamlAliases(Json.YAML.getFactory().createParser(content), fileName);
            }
            try (JsonParser parser = mapper.createParser(content)) {
                try {
                    root = mapper.readTree(parser);
                } catch (JsonProcessingException e) {
                    throw new InvalidPortfolioException(List.of(JsonProblems.syntax(e, fileName, parser)));
                }
            }
        } catch (JsonProcessingException e) {
            throw new InvalidPortfolioException(List.of(JsonProblems.syntax(e, fileName)));
        } catch (IOException e) {
            throw new InvalidPortfolioException(List.of(PortfolioFiles.unreadable(fileName, e)));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidPortfolioException(List.of(PortfolioFiles.empty(fileName)));
        }
        if (!root.isObject()) {
            throw new InvalidPortfolioException(List.of(PortfolioFiles.notAnObject(fileName,
                    PortfolioFiles.kind(root))));
        }
        ObjectNode object = (ObjectNode) root;
        Problem wrongFormat = PortfolioFiles.formatProblem(object.remove("format"), fileName);
        if (wrongFormat != null) {
            throw new InvalidPortfolioException(List.of(wrongFormat));
        }
        PortfolioShape shape = PortfolioShape.check(object);
        List<Problem> problems = new ArrayList<>(shape.problems());
        Portfolio portfolio = new RecordBinder(mapper.reader(), problems, true, shape.removedData())
                .bind(object, mapper.constructType(Portfolio.class), "$");
        if (!problems.isEmpty()) {
            throw new InvalidPortfolioException(problems).inFile(fileName);
        }
        return portfolio;
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
