package app.mentorbot.conversations.understanding;

/** The five mentor duties (思想引导 学业辅导 心理疏导 生活指导 生涯规划) a note touches. */
public enum Topic { THOUGHT, ACADEMIC, PSYCH, LIFE, CAREER }
