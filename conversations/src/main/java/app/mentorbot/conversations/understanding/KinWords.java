package app.mentorbot.conversations.understanding;

/**
 * The short words that start a parent or guardian inside the reader's own patterns (□□妈妈说, 他奶奶打电话来, 阿嬷讲):
 * one list, so a guardian (阿嬷 of 闽南, 依公 of 福州, 阿嫲 of 粤, a family's 保姆) is at once a speaker who is not the student, a sign of
 * a family in a sentence and a parent who has written to the teacher (Hakka 公公 for a grandfather, Dai 咪涛 and 波涛 for
 * grandparents, Tibetan 莫啦, 波啦 and 阿库 for grandparents and an uncle, Uyghur 阿塔 for a father, Yancheng 佬佬 and
 * Guanzhong 婆 (她婆) for a grandmother, Hunan 嗲嗲 for a grandfather, Guizhou 老者 and Shanxi 老子 for a father). The
 * patterns are compiled once per JVM, so this
 * list is kept in step with the built-in parent-words.txt by hand; a school's own additions to parent-words reach the
 * kind of a contact, not these patterns. Plain words only: {@link TalkWords} reads each word's first char, and tries
 * the whole list at every char that starts one, so a word opening on a common char (Suzhou's 好婆: 好) stays in
 * parent-words.txt alone (the reader was 10% slower with it here, its answers the same without).
 */
final class KinWords {
    private KinWords() {}

    static final String STARTS = "妈|爸|奶|爷|外婆|外公|姥|家长|父亲|母亲|阿达|阿大|阿嫫|阿普|娭毑|舅|姑|姨|嬷|嫲|阿公|依公|阿婆|阿爷|保姆|娘|老汉|婆婆|家婆|嬢|孃|幺爸|幺妈|额吉|阿爸|阿帕|阿塔|阿妈妮|阿妈|阿爹|阿姆|爹|大爷|家公|公公|咪涛|波涛|莫啦|波啦|阿库|佬佬|婆|嗲嗲|老者|老子|外爷|阿母";
}
