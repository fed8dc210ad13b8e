package io.echotune.bot.nlu;

/** Direction of the feeling a message carries. */
public enum Polarity { POSITIVE, NEUTRAL, NEGATIVE }
