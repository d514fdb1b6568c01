package cn.shangliang.rules;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One thing wrong in {@code rules/}, as the compiler or a data parser said it.
 *
 * @param file the file it is in, relative to {@code rules/}, when the message names one
 * @param line the line in that file, when the compiler or parser knows it
 * @param message the whole message, file and line included, exactly as logged and answered
 */
public record RuleProblem(
    @Schema(description = "有误的文件（相对 rules/）；消息未指明文件时为 null", nullable = true) String file,
    @Schema(description = "行号；编译器或解析器不知道时为 null", nullable = true) Integer line,
    @Schema(description = "编译器或解析器的完整消息（含文件和行号）") String message) {}
