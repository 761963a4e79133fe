package org.tamga.exchange;

import java.util.List;

/** One code of an exchanged codebook, with its children: what a {@code .qdc} file holds. */
public record CodeNode(String guid, String name, String description, String color, boolean codable,
                       List<CodeNode> children) {

    public CodeNode {
        children = List.copyOf(children);
    }

    /** This code and every code below it, depth first. */
    public java.util.stream.Stream<CodeNode> flatten() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(this),
                children.stream().flatMap(CodeNode::flatten));
    }
}
