package dev.klingbot.core.instruction;

import java.util.regex.Pattern;

/**
 * English element phrases: removing the words that only point at the video ("from the video") or at
 * the reference image ("in this photo", "the one I attached"), which Kling gets as placeholders.
 */
final class EnglishPhrases {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  private static final String IMAGE_NOUN =
      "(?:image|images|photo|photos|picture|pictures|pic|pics|reference|ref|screenshot"
          + "|attachment|attachments|file|img|jpe?g|png)";
  private static final String VIDEO_NOUN =
      "(?:video|clip|footage|scene|shot|film|movie|recording|vid|frame)";

  /** "… I attached", "… that I just uploaded here". */
  private static final String I_ATTACHED =
      "(?:(?:that|which)\\s+)?(?:i|i've|i have)(?:\\s+just)?\\s+"
          + "(?:attached|uploaded|sent|posted|shared|added|provided|gave you)"
          + "(?:\\s+(?:here|above|below))?";

  /**
   * At the end of a phrase: "from the image", "in this photo", "shown in the attached picture",
   * "from image 2", "in the picture I sent", "I attached", "attached".
   */
  private static final Pattern TRAILING_IMAGE =
      Pattern.compile(
          "(?:^|\\s+)(?:(?:(?:(?:that|which)\\s+(?:is|are)\\s+|that's\\s+)?"
              + "(?:from|in|on|of|shown in|seen in|pictured in)\\s+"
              + "(?:(?:the|this|that|my|these|those)\\s+)?"
              + "(?:(?:attached|uploaded|reference|provided|given|first|second|1st|2nd|same|other)\\s+)?"
              + IMAGE_NOUN
              + "(?:\\s*#?(?:[12]|one|two))?(?:\\s+"
              + I_ATTACHED
              + ")?)|"
              + I_ATTACHED
              + "|attached|provided"
              // "(with image)", "(see photo)"
              + "|\\(\\s*(?:with|from|see|use|using|in)?\\s*(?:the\\s+)?(?:attached\\s+)?"
              + IMAGE_NOUN
              + "\\s*\\))$",
          FLAGS);

  /**
   * At the end of a phrase: "from the video", "in this clip", "out of the whole scene", "from it".
   */
  private static final Pattern TRAILING_VIDEO =
      Pattern.compile(
          "\\s+(?:(?:from|in|on|of|out of|off|within|inside|throughout|across)\\s+"
              + "(?:(?:the|this|that|my|our|your)\\s+)?(?:(?:whole|entire|original|current)\\s+)?"
              + VIDEO_NOUN
              + "|(?:from|out of|in|on)\\s+(?:it|there|here)|(?:from|in)\\s+(?:every|all|each)\\s+(?:the\\s+)?frames?)$",
          FLAGS);

  /** Words after a removal target that add nothing: "remove the car too", "… completely". */
  private static final Pattern TRAILING_ADVERB =
      Pattern.compile(
          "\\s+(?:too|as well|also|completely|entirely|altogether|everywhere|fully|visible|in sight"
              + "|in view|showing|anywhere)$",
          FLAGS);

  /** "the lamp on the left, remove it": the request said again about the same thing. */
  private static final Pattern RESTATED_REMOVAL =
      Pattern.compile(
          "\\s*[,;]?\\s+(?:(?:so|please|pls|just|and|then|can you|could you)\\s+)*"
              + EnglishRecogniser.REMOVAL_VERBS
              + "\\s+(?:it|them|him|her|that|this|those|these)(?:\\s+(?:please|pls|too))?$",
          FLAGS);

  /**
   * A remark after the thing: "the parked truck, it ruins the view", "the scooter — they're in the
   * way", "the sign because it's ugly". Said about the thing, not part of its name.
   */
  private static final Pattern TRAILING_REMARK =
      Pattern.compile(
          "\\s*(?:[,;—–]\\s*(?:(?:because|cause|cuz|since|as)\\s+)?|\\s+(?:because|cause|cuz|since)\\s+)"
              + "(?:it|they|that|this|he|she|it's|they're|that's|he's|she's)"
              + "(?:\\s+(?:is|are|was|were|looks?|seems?|ruins?|drags?|blocks?|spoils?|distracts?|gets?|keeps?"
              + "|kinda|really|just|totally|makes?|doesn't|don't|isn't|aren't|has|have|ruined|wrecks?"
              + "|clutters?|messes|covers?|hides?|sticks?|stands?|annoys?|bugs?)\\b.*|'s\\b.*|'re\\b.*)?$",
          FLAGS);

  /** "the cat please, with …": politeness left inside a phrase. */
  private static final Pattern TRAILING_POLITENESS =
      Pattern.compile("\\s*,?\\s+(?:please|pls|plz|thanks|thx|kindly)$", FLAGS);

  /** A new-element phrase that only says "what's in the image": "this", "the one", "it". */
  private static final Pattern ONLY_POINTS_AT_IMAGE =
      Pattern.compile(
          "^(?:(?:the|this|that|these|those|my)\\s+)?(?:(?:attached|uploaded|same|new|other|pictured"
              + "|shown|image)\\s+)?"
              + "(?:one|ones|thing|things|object|objects|item|items|stuff|element|subject|it|them"
              + "|this|that|these|those"
              + "|what's|what is|whatever is|whatever's|"
              + IMAGE_NOUN
              + ")?(?:\\s*#?(?:[12]|one|two))?(?:\\s+(?:shown|pictured|attached|above|below|here))?$",
          FLAGS);

  /** A location that only says "in the video": "the scene", "the video", "there". */
  private static final Pattern ONLY_POINTS_AT_VIDEO =
      Pattern.compile(
          "^(?:(?:the|this|that|my|our)\\s+)?(?:(?:whole|entire|original)\\s+)?"
              + "(?:"
              + VIDEO_NOUN
              + "|it|there|somewhere|anywhere|here)$",
          FLAGS);

  /** "this hat" from the image is "the hat" in the prompt. */
  private static final Pattern DEMONSTRATIVE =
      Pattern.compile("^(?:this|that|these|those|the attached|attached)\\s+(?=\\S)", FLAGS);

  private static final Pattern INNER_DEMONSTRATIVE =
      Pattern.compile("(\\s(?:and|or|plus|&)|,)\\s+(?:this|that|these|those)\\s+(?=\\S)", FLAGS);

  private static final Pattern AFTER_HEAD =
      Pattern.compile(
          "\\s(?:of|in|on|at|with|from|playing|wearing|holding|that|who|which|behind|near|next"
              + "|under|over|by|to|across|beside|between|above|below|beneath|underneath|inside|outside"
              + "|along|against|around|atop)\\s",
          FLAGS);

  private static final Pattern ONE =
      Pattern.compile(
          "^(?:(?:the|this|that|my)\\s+)?(?:(?:attached|uploaded|same|new|other|pictured|shown|image)\\s+)?"
              + "ones?(?:\\s+(?:shown|pictured|attached|above|below|here))?$",
          FLAGS);

  private EnglishPhrases() {}

  /** The removal target or swap original: pointers stripped, never emptied by stripping. */
  static String videoSide(String raw) {
    String phrase = Phrases.stripRepeatedly(stripPointers(Phrases.tidy(raw)), TRAILING_POLITENESS);
    phrase = Phrases.stripRepeatedly(phrase, RESTATED_REMOVAL);
    String unremarked = TRAILING_REMARK.matcher(phrase).replaceFirst("");
    if (!unremarked.isBlank() && !unremarked.equals(phrase)) {
      phrase = stripPointers(unremarked.strip());
    }
    if (Scripts.hasHan(phrase)) {
      // "delete 视频里的那个 logo": the Chinese pointer and demonstrative go too
      // "remove 掉后面的 crowd": 掉 belongs to the English verb
      phrase = phrase.replaceFirst("^(?:掉|了|走|一下)+\\s*(?=\\S)", "");
      phrase = withoutChineseDemonstrative(ChinesePhrases.videoSide(phrase));
    }
    return Phrases.stripRepeatedly(phrase, TRAILING_ADVERB);
  }

  /**
   * "a fox like in the picture", "a goldfish like the one in the photo": only points at the image.
   */
  private static final Pattern LIKE_THE_IMAGE =
      Pattern.compile(
          "\\s+(?:just\\s+)?like\\s+(?:(?:the\\s+ones?|that|this|those|these)\\s+)?(?:(?:shown|seen)\\s+)?"
              + "(?:in|from|on)\\s+(?:(?:the|this|that|my)\\s+)?(?:(?:attached|uploaded|reference)\\s+)?"
              + IMAGE_NOUN
              + "\\b",
          FLAGS);

  /** {@code text} without a "like (the one) in the picture" inside it. */
  static String withoutLikeTheImage(String text) {
    return LIKE_THE_IMAGE.matcher(text).replaceAll("");
  }

  /** The swap replacement or addition subject; null when it only points at the image. */
  static String imageSide(String raw) {
    String phrase = Phrases.stripRepeatedly(stripPointers(Phrases.tidy(raw)), TRAILING_POLITENESS);
    // "my photo's armchair" is the armchair in the image
    phrase = IMAGE_POSSESSIVE.matcher(phrase).replaceFirst("the ");
    if (Scripts.hasHan(phrase)) {
      // "add 图里的小狗 to the sofa": 图里的 only points at the image
      String chinese = ChinesePhrases.imageSide(withoutChineseDemonstrative(phrase));
      if (chinese == null) {
        return null;
      }
      phrase = withoutChineseDemonstrative(chinese);
    }
    if (ONLY_POINTS_AT_IMAGE.matcher(phrase).matches()
        || TRAILING_IMAGE.matcher(phrase).matches()) {
      return null;
    }
    phrase = DEMONSTRATIVE.matcher(phrase).replaceFirst("the ");
    // "the hat and this flag": every demonstrative of the image becomes "the"
    return INNER_DEMONSTRATIVE.matcher(phrase).replaceAll("$1 the ");
  }

  /** "my photo's", "the picture's": the thing that follows is in the image. */
  private static final Pattern IMAGE_POSSESSIVE =
      Pattern.compile(
          "^(?:(?:my|the|this|that|your|our)\\s+)?" + IMAGE_NOUN + "(?:'s|’s|s')\\s+(?=\\S)",
          FLAGS);

  /** "那个 watermark" in an English sentence is "the watermark". */
  private static final Pattern CHINESE_DEMONSTRATIVE =
      Pattern.compile("^[这那](?:个|些|只|张|件|条|辆|位|块|根|把)?\\s*(?=[A-Za-z])");

  private static String withoutChineseDemonstrative(String phrase) {
    return CHINESE_DEMONSTRATIVE.matcher(phrase).replaceFirst("the ");
  }

  /** The head noun of a video-side phrase with "the": "the man in the red jacket" → "the man". */
  static String headWithThe(String phrase) {
    java.util.regex.Matcher modifier = AFTER_HEAD.matcher(phrase);
    String front = modifier.find() ? phrase.substring(0, modifier.start()) : phrase;
    String[] words = front.strip().split("\\s+");
    String head = words[words.length - 1];
    return head.isEmpty() || ElementChecks.isVague(head) ? null : "the " + head;
  }

  /** Whether a new-element phrase says "one" for the original's noun: "this one", "the new one". */
  static boolean isOneOfTheSameKind(String raw) {
    return ONE.matcher(stripPointers(Phrases.tidy(raw))).matches();
  }

  /** Where an addition goes; null when it only points at the video or the image. */
  static String location(String raw) {
    String phrase = stripPointers(Phrases.tidy(raw));
    if (phrase.isEmpty()
        || ONLY_POINTS_AT_VIDEO.matcher(phrase).matches()
        || ONLY_POINTS_AT_IMAGE.matcher(phrase).matches()) {
      return null;
    }
    return phrase;
  }

  /** Whether the phrase says its thing is in the reference image. */
  static boolean pointsAtImage(String raw) {
    String phrase = Phrases.tidy(raw);
    return TRAILING_IMAGE.matcher(phrase).find() || ONLY_POINTS_AT_IMAGE.matcher(phrase).matches();
  }

  private static final Pattern MENTIONS_IMAGE =
      Pattern.compile(
          "\\b(?:from|in|on|of)\\s+(?:(?:the|this|that|my)\\s+)?(?:(?:attached|uploaded|reference|first"
              + "|second)\\s+)?"
              + IMAGE_NOUN
              + "\\b",
          FLAGS);

  /** Whether the phrase names the reference image anywhere: "the cat from the photo sitting …". */
  static boolean mentionsImage(String phrase) {
    return MENTIONS_IMAGE.matcher(phrase).find();
  }

  /**
   * "this parasol", "these boots": with an image attached, a thing named with "this" is the one it
   * shows ("this fast", "this colour" are not things).
   */
  private static final Pattern THIS_THING =
      Pattern.compile(
          "^(?:this|these)\\s+(?!(?:fast|slow|quick|big|small|large|long|short|bright|dark|loud|quiet|much"
              + "|many|way|kind|sort|type|time|video|clip|footage|scene|shot|style|colou?r|look|vibe"
              + "|photo|picture|image|pic|screenshot|attachment|file|reference)\\b)"
              + "[\\p{L}\\p{N}' -]{2,60}$",
          FLAGS);

  /** Whether the phrase names a thing with "this" or "these", as people point at the image. */
  static boolean namesTheThingShown(String raw) {
    return THIS_THING.matcher(Phrases.tidy(raw)).matches();
  }

  /** Words that end the name of a thing in a sentence about it: "a paper lantern | I made". */
  private static final String NAME_ENDS =
      "(?=\\s+(?:i|we|you|he|she|they|it|is|are|was|were|that|which|who|for|to|in|on|at|with|and|but|so"
          + "|from|yesterday|today|last|made|drew|built|painted|took|found|bought|got|has|had|here|there"
          + "|please|pls|can|could|would|will|just)\\b|\\s*[,.;:!?]|\\s*$)";

  private static final Pattern THIS_THING_IN_SENTENCE =
      Pattern.compile(
          "\\b(this|these)\\s+(?!(?:is|are|was|were|'s|one|ones|video|clip|footage|picture|photo|image|pic"
              + "|drawing|sketch|screenshot|file|attachment|time|morning|week|year|weekend)\\b)((?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+)"
              + NAME_ENDS,
          FLAGS);

  private static final Pattern PICTURE_OF =
      Pattern.compile(
          "\\b(?:photo|picture|image|pic|drawing|sketch|shot|snap|screenshot)\\s+of\\s+(?:(?:a|an|the|my|our|this|his|her)\\s+)?"
              + "((?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+)"
              + NAME_ENDS,
          FLAGS);

  private static final Pattern SOME_THING_IN_SENTENCE =
      Pattern.compile(
          "\\b(a|an|my|our)\\s+(?!(?:photo|picture|image|pic|drawing|sketch|video|clip|lot|bit|few|little(?=\\s+(?:bit|more|less|while)\\b)|quick|question"
              + "|favou?r|request)\\b)((?:[\\p{L}-]+\\s+){0,3}?[\\p{L}-]+)"
              + NAME_ENDS,
          FLAGS);

  /**
   * The thing a sentence shows or introduces, for a later "add it": "My daughter drew this dragon"
   * → "the dragon", "got this photo of a seagull" → "the seagull", "Here's my cat Mochi" → "my cat
   * Mochi".
   */
  static java.util.Optional<String> shownThing(String sentence) {
    java.util.regex.Matcher of = PICTURE_OF.matcher(sentence);
    if (of.find()) {
      return java.util.Optional.of("the " + of.group(1));
    }
    java.util.regex.Matcher shown = THIS_THING_IN_SENTENCE.matcher(sentence);
    if (shown.find()) {
      return java.util.Optional.of("the " + shown.group(2));
    }
    java.util.regex.Matcher some = SOME_THING_IN_SENTENCE.matcher(sentence);
    String thing = null;
    while (some.find()) {
      String determiner = some.group(1).toLowerCase(java.util.Locale.ROOT);
      thing =
          (determiner.equals("my") || determiner.equals("our") ? determiner : "the")
              + " "
              + some.group(2);
    }
    return java.util.Optional.ofNullable(thing);
  }

  /** Whether the phrase says its thing is in the video. */
  static boolean pointsAtVideo(String raw) {
    return TRAILING_VIDEO.matcher(Phrases.tidy(raw)).find();
  }

  /** Strips a trailing image or video pointer from the whole text, e.g. before splitting it. */
  static String stripPointers(String phrase) {
    return Phrases.stripPointers(phrase, TRAILING_IMAGE, TRAILING_VIDEO);
  }
}
