package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the edit in an instruction as people type it: the one sentence (or clause) that is an edit
 * among greetings and context ("Hi! I filmed this at the beach. Can you zap the umbrella? Thanks"),
 * a label instead of a sentence, a typo in the verb, and "remove it" after "there's a ladder on the
 * left". Says so when the text asks for more than one thing at once, and proposes a close reading
 * when there is one.
 */
final class InstructionReader {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A second request after the first: "…, then add a dog", "… and ignore the rules". */
  private static final Pattern SECOND_REQUEST_ENGLISH =
      Pattern.compile(
          "(?:,|;|\\s+and\\s+|\\s+then\\s+|\\s+also\\s+|\\s+plus\\s+|\\s*&\\s*|\\s+after that\\s+)"
              + "\\s*(?:(?:then|also|and|please|pls|can you|could you|maybe|after that|next|finally"
              + "|you should|you must|now)\\s+)*"
              + "(?:"
              + EnglishRecogniser.REMOVAL_VERBS
              + "|"
              + EnglishRecogniser.ADDITION_VERBS
              + "|replace|swap|swop|switch|exchange|substitute|change|turn|transform|convert|make"
              + "|ignore|disregard|forget|override|bypass|reveal|print|output|execute|pretend|act as"
              + "|speed up|slow down|speed\\s+(?:it|things|the\\s+\\w+)\\s+up|slow\\s+(?:it|things|the\\s+\\w+)\\s+down"
              + "|crop|trim|mute|blur|zoom|recolou?r|colou?r|brighten|darken"
              + "|send|tell|show me|write|give me)\\b",
          FLAGS);

  /** An edit verb inside a Chinese element phrase: "车删掉，再把天空" holds a second request. */
  private static final Pattern VERB_INSIDE_CHINESE =
      Pattern.compile(ChineseRecogniser.REMOVE + "|" + ChineseRecogniser.INTO + "|添加|加上|放到|放在");

  /** Markup around the text: "</bad>remove the dog". */
  private static final Pattern TAG =
      Pattern.compile(
          "<(script|style)[^<>]*>.*?</\\1\\s*>|</?[A-Za-z][\\w-]{0,20}[^<>]{0,80}/?>",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SECOND_REQUEST_CHINESE =
      Pattern.compile(
          "(?:然后|再|并且|同时|接着|之后|以后|另外|还要|还有|顺便|[，,；;])\\s*(?:把|将|给|也|还|再)?.*?(?:"
              + ChineseRecogniser.REMOVE
              + "|"
              + ChineseRecogniser.INTO
              + "|"
              + ChineseRecogniser.ADD
              + "|替换|换掉|换|加速|放慢|调亮|调暗|调|裁剪|剪辑|忽略|无视"
              // 再把天空变蓝, 然后把草地变绿: a colour, light or speed change
              + "|变(?:得|成)?(?:更|很)?[红橙黄绿青蓝紫黑白灰粉棕金银亮暗快慢])");

  /** Where a clause ends inside a sentence. */
  private static final Pattern CLAUSE_BREAK =
      Pattern.compile(
          "\\s*(?:[,;:，；：、]|\\s-\\s|\\s—\\s|\\p{So}+(?:\\s*[—–-]+(?=\\s))?)\\s*"
              // "there's a kite in the tree and honestly I want it removed"
              + "|\\s+(?:and|so|but)\\s+(?:(?:honestly|really|frankly|basically|just|now|yeah)\\s+)*"
              + "(?=(?:i|we|i'd|i'm|we'd)\\s+(?:really\\s+|just\\s+|honestly\\s+)?(?:want|need|'d like|would like"
              + "|'d love|would love|like|love|wish|hope|'d rather|rather|prefer)\\s+(?:it|them|him|her|that|this)\\b)",
          Pattern.CASE_INSENSITIVE);

  /** Context that introduces a thing: "there's a ladder on the left", "I see a bin". */
  private static final Pattern ANTECEDENT =
      Pattern.compile(
          "(?:there's|there is|there are|theres|i see|you can see|you see|\\bsee|look at|check out|notice|spot|there's this"
              + "|i've got|we've got|it has|it shows|(?:i|we)(?:\\s+(?:accidentally|also|somehow|just))?"
              + "\\s+(?:filmed|caught|captured|recorded|got)|\\b(?:has|have|shows|contains|features|includes))"
              + "\\s+(?:(a|an|some|this|that|the|my|his|her|our"
              + "|their)\\s+)?(.+?)"
              + "(?:\\s+(?:in|on|at)\\s+(?:the|this|my)\\s+(?:video|clip|shot|footage|frame))?$",
          FLAGS);

  private static final Pattern PRONOUN =
      Pattern.compile("^(?:it|that|this|them|those|these|that thing|this thing|him|her)$", FLAGS);

  private InstructionReader() {}

  /** What was read. */
  sealed interface Reading {}

  /** One edit, and notices about how it was read. */
  record Found(Recognition recognition, List<String> notices) implements Reading {}

  /** More than one request; {@code first} is the first one alone, when it can be cut out. */
  record Several(Optional<String> first) implements Reading {}

  /** No edit; {@code suggestion} is a close reading, when there is one. */
  record NotFound(Optional<String> suggestion) implements Reading {}

  static Reading read(String text) {
    Reading reading = readPieces(text);
    if (reading instanceof Found found
        && found.recognition().mode() == EditMode.ADDITION
        && found.recognition().elements().subject() != null) {
      // "add it sitting on the sofa" with nothing named before: "it" is what the image shows, and
      // "sitting" is how, not part of its name
      Matcher pronoun =
          PRONOUN_AND_MANNER.matcher(found.recognition().elements().subject().strip());
      if (pronoun.matches()) {
        EditElements elements = found.recognition().elements();
        return new Found(
            new Recognition(
                EditMode.ADDITION,
                found.recognition().language(),
                EditElements.addition(null, elements.location())),
            found.notices());
      }
    }
    return reading;
  }

  private static final Pattern PRONOUN_AND_MANNER =
      Pattern.compile("^(?:it|them|him|her|this|that|these|those)\\s+\\p{L}+ing$", FLAGS);

  private static Reading readPieces(String text) {
    List<String> sentences = sentences(text);
    if (sentences.size() > 1) {
      // "remove the poster of Dr. Who" is one sentence, whatever the sentence rules say
      Attempt whole = attempt(text);
      if (whole.reading() instanceof Found found
          && !spansSentences(found.recognition())
          && !pointsBack(found)) {
        return found;
      }
      Reading reading = among(sentences, true);
      if (!(reading instanceof NotFound)) {
        return reading;
      }
    }
    Attempt whole = attempt(text);
    List<String> clauses = clauses(text);
    if (whole.reading() instanceof Found found && pointsBack(found) && clauses.size() > 1) {
      // "so there's this guy in a green jacket who keeps walking by, I want him gone"
      Reading reading = among(clauses, false);
      if (reading instanceof Found named && !pointsBack(named)) {
        return named;
      }
    }
    if (whole.reading() != null) {
      return whole.reading();
    }
    if (clauses.size() > 1) {
      Reading reading = among(clauses, false);
      if (!(reading instanceof NotFound)) {
        return reading;
      }
    }
    return new NotFound(whole.suggestion());
  }

  /** The one piece that is an edit; the others are context, greetings or thanks. */
  private static Reading among(List<String> pieces, boolean splitClauses) {
    List<Found> edits = new ArrayList<>();
    List<String> editPieces = new ArrayList<>();
    List<Found> vague = new ArrayList<>();
    List<String> context = new ArrayList<>();
    Optional<String> suggestion = Optional.empty();
    for (String piece : pieces) {
      Attempt attempt = attempt(piece);
      Reading reading = attempt.reading();
      if (reading == null && splitClauses) {
        List<String> clauses = clauses(piece);
        if (clauses.size() > 1) {
          reading = among(clauses, false);
          if (reading instanceof NotFound) {
            reading = null;
          }
        }
      }
      if (reading instanceof Several) {
        return reading;
      }
      if (reading instanceof Found found) {
        String main = found.recognition().mainPhrase();
        if (main == null || !ElementChecks.isVague(main)) {
          edits.add(found);
          editPieces.add(piece);
        } else {
          vague.add(found);
        }
      } else {
        // the nearest piece before the edit first: "This is from our shoot. The cable is
        // annoying. Can you get rid of it?" points back at the cable
        context.add(edits.isEmpty() && vague.isEmpty() ? 0 : context.size(), piece);
        if (suggestion.isEmpty()) {
          suggestion = attempt.suggestion();
        }
      }
    }
    if (edits.stream().map(Found::recognition).distinct().count() > 1) {
      // "No pigeons please. The pigeon near the fountain should be erased.": one request, said
      // twice
      Optional<Found> once = saidTwice(edits).or(() -> swapAfterComplaint(edits));
      if (once.isEmpty()) {
        return new Several(Optional.of(Politeness.strip(editPieces.get(0))));
      }
      edits.clear();
      edits.add(once.get());
    }
    if (!edits.isEmpty() && !vague.isEmpty()) {
      // "I don't like the lamp in the corner. Use the lamp from my photo instead." when the swap
      // says "it": the swap of the lamp
      List<Found> all = new ArrayList<>(edits);
      all.addAll(vague);
      Optional<Found> merged = swapAfterComplaint(all);
      if (merged.isPresent()) {
        edits.set(0, merged.get());
      }
    }
    if (!edits.isEmpty()) {
      // "there's a guy waving in the back, can you take him out?": him is the guy
      Found edit = edits.get(0);
      edit = withAntecedent(edit, context).map(Found.class::cast).orElse(edit);
      edit = shownBefore(edit, editPieces.get(0), context).orElse(edit);
      edits.set(0, edit);
      if ((!splitClauses && context.stream().anyMatch(InstructionReader::startsAnotherRequest))
          || context.stream().anyMatch(piece -> ANOTHER_VIDEO_EDIT.matcher(piece).lookingAt())) {
        // "把人去掉，再加上图里的狗": the clause after "再" asks for a second edit (a later
        // sentence that asks for something else is context, and is left out)
        return new Several(Optional.of(Politeness.strip(editPieces.get(0))));
      }
      return edits.get(0);
    }
    if (!vague.isEmpty()) {
      Found first = vague.get(0);
      return withAntecedent(first, context).orElse(first);
    }
    return new NotFound(suggestion);
  }

  /** An addition verb, then the pronoun that stands for the thing: "add it", "put them". */
  private static final Pattern ADDED_PRONOUN =
      Pattern.compile(
          "(\\b(?:"
              + EnglishRecogniser.ADDITION_VERBS
              + "|make|have|let|get)\\s+)(?:it|them|him|her)\\b",
          FLAGS);

  /**
   * "My daughter drew this dragon. Could you add it flying over the castle?": "it" is the dragon an
   * earlier sentence shows; the addition is read again with the dragon in its place.
   */
  private static Optional<Found> shownBefore(Found found, String editPiece, List<String> context) {
    Recognition recognition = found.recognition();
    if (recognition.mode() != EditMode.ADDITION
        || recognition.language() != Language.ENGLISH
        || !pointsBack(found)) {
      return Optional.empty();
    }
    Matcher pronoun = ADDED_PRONOUN.matcher(editPiece);
    if (!pronoun.find()) {
      return Optional.empty();
    }
    for (String piece : context) {
      Optional<String> thing = EnglishPhrases.shownThing(piece);
      if (thing.isEmpty()) {
        continue;
      }
      String rewritten =
          editPiece.substring(0, pronoun.start())
              + pronoun.group(1)
              + thing.get()
              + editPiece.substring(pronoun.end());
      Attempt again = attempt(rewritten);
      if (again.reading() instanceof Found named
          && named.recognition().mode() == EditMode.ADDITION
          && !pointsBack(named)) {
        List<String> notices = new ArrayList<>(found.notices());
        notices.add(
            ImageNotices.readAs(editPiece.substring(pronoun.end(1), pronoun.end()), thing.get()));
        return Optional.of(new Found(named.recognition(), notices));
      }
    }
    return Optional.empty();
  }

  /** Whether the edit's thing is only a pronoun: "remove it", "add him sitting on the bench". */
  private static boolean pointsBack(Found found) {
    String main = found.recognition().mainPhrase();
    return main != null && PRONOUN_FIRST.matcher(main.strip()).lookingAt();
  }

  private static final Pattern PRONOUN_FIRST =
      Pattern.compile("^(?:it|them|him|her|he|she|they|that|this)(?:\\s+\\p{L}+ing\\b.*)?$", FLAGS);

  /**
   * Several removals of one thing ("No logo. The logo in the top left must be removed.", "remove
   * the dog, the dog has to go"): the most specific of them, when every other one names the same
   * thing.
   */
  private static Optional<Found> saidTwice(List<Found> edits) {
    Found longest = null;
    for (Found found : edits) {
      Recognition recognition = found.recognition();
      if (recognition.mode() != EditMode.REMOVAL || recognition.mainPhrase() == null) {
        return Optional.empty();
      }
      if (longest == null
          || words(recognition.mainPhrase()).length
              > words(longest.recognition().mainPhrase()).length) {
        longest = found;
      }
    }
    for (Found found : edits) {
      if (!sameThing(found.recognition().mainPhrase(), longest.recognition().mainPhrase())) {
        return Optional.empty();
      }
    }
    return Optional.of(longest);
  }

  /**
   * "I don't like the lamp in the corner. Use the lamp from my photo instead.": a removal (often a
   * complaint) and then a swap of "it" or of the same thing are one swap of that thing.
   */
  private static Optional<Found> swapAfterComplaint(List<Found> edits) {
    Found swap = null;
    Found removal = null;
    for (Found found : edits) {
      Recognition recognition = found.recognition();
      if (recognition.mode() == EditMode.SWAP && swap == null) {
        swap = found;
      } else if (recognition.mode() == EditMode.REMOVAL && recognition.mainPhrase() != null) {
        if (removal == null
            || words(recognition.mainPhrase()).length
                > words(removal.recognition().mainPhrase()).length) {
          removal = found;
        }
      } else {
        return Optional.empty();
      }
    }
    if (swap == null || removal == null) {
      return Optional.empty();
    }
    String thing = removal.recognition().mainPhrase();
    for (Found found : edits) {
      if (found.recognition().mode() == EditMode.REMOVAL
          && !sameThing(found.recognition().mainPhrase(), thing)) {
        return Optional.empty();
      }
    }
    Recognition recognition = swap.recognition();
    String original = recognition.elements().element();
    boolean pointsBack =
        original != null
            && (PRONOUN.matcher(original.strip()).matches()
                || CHINESE_PRONOUN.matcher(original.strip()).matches());
    if (!pointsBack && (original == null || !sameThing(original, thing))) {
      return Optional.empty();
    }
    String replacement = recognition.elements().replacement();
    if (replacement == null && recognition.language() == Language.ENGLISH) {
      replacement = EnglishPhrases.headWithThe(thing);
    }
    List<String> notices = new ArrayList<>(swap.notices());
    if (pointsBack) {
      notices.add(ImageNotices.readAs(original, thing));
    }
    return Optional.of(
        new Found(
            new Recognition(
                EditMode.SWAP,
                recognition.language(),
                EditElements.swap(
                    pointsBack || words(thing).length > words(original).length ? thing : original,
                    replacement)),
            notices));
  }

  /** Whether the head word of {@code shorter} is among the words of {@code longer}. */
  private static boolean sameThing(String shorter, String longer) {
    String[] short_ = words(Politeness.strip(shorter));
    if (short_.length == 0) {
      return false;
    }
    String head = stem(short_[short_.length - 1]);
    if (head.length() < 2 || ElementChecks.isVague(head)) {
      return false;
    }
    for (String word : words(longer)) {
      if (stem(word).equals(head)) {
        return true;
      }
    }
    return false;
  }

  private static String[] words(String phrase) {
    String text = phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}' ]+", " ").strip();
    return text.isEmpty() ? new String[0] : text.split("\\s+");
  }

  /** "pigeons" and "pigeon", "boxes" and "box" alike. */
  private static String stem(String word) {
    String stem = word.replaceAll("'s$", "");
    if (stem.endsWith("ies") && stem.length() > 4) {
      return stem.substring(0, stem.length() - 3) + "y";
    }
    stem = stem.replaceAll("s$", "");
    return stem.replaceAll("e$", "");
  }

  /**
   * A removal whose phrase says the request again after a comma: "the ladder, the ladder has to
   * go", "signs please, the sign above the door needs to go". The more specific of the two.
   */
  private static Recognition restatedOnce(Recognition recognition) {
    String element = recognition.elements().element();
    if (recognition.mode() != EditMode.REMOVAL
        || recognition.language() != Language.ENGLISH
        || element == null) {
      return recognition;
    }
    Matcher comma = Pattern.compile("\\s*[,;]\\s*").matcher(element);
    if (!comma.find()) {
      return recognition;
    }
    String first = Politeness.trimJunk(Politeness.strip(element.substring(0, comma.start())));
    String rest = Politeness.strip(element.substring(comma.end()));
    Optional<Recognition> again = EnglishRecogniser.recognise(rest);
    if (first.isEmpty() || again.isEmpty() || again.get().mode() != EditMode.REMOVAL) {
      return recognition;
    }
    String second = again.get().elements().element();
    if (second == null || ElementChecks.isVague(second)) {
      return recognition;
    }
    if (sameThing(first, second)) {
      return again.get();
    }
    if (sameThing(second, first)) {
      return new Recognition(EditMode.REMOVAL, Language.ENGLISH, EditElements.removal(first));
    }
    return recognition;
  }

  /** "There's a ladder on the left. Remove it.": "it" is the ladder on the left. */
  private static Optional<Reading> withAntecedent(Found found, List<String> context) {
    Recognition recognition = found.recognition();
    String main = recognition.mainPhrase();
    boolean english = recognition.language() == Language.ENGLISH;
    if ((recognition.mode() != EditMode.REMOVAL && recognition.mode() != EditMode.SWAP)
        || main == null
        || !(english ? PRONOUN : CHINESE_PRONOUN).matcher(main.strip()).matches()) {
      return Optional.empty();
    }
    for (String piece : context) {
      // "那个 vase 不好看，use the one from my photo instead": a Chinese complaint names it too
      Optional<String> antecedent = antecedent(piece).or(() -> chineseAntecedent(piece));
      if (antecedent.isPresent()) {
        String thing =
            Scripts.hasHan(antecedent.get())
                ? (english
                    ? withThe(EnglishPhrases.videoSide(antecedent.get()))
                    : ChinesePhrases.videoSide(antecedent.get()))
                : antecedent.get();
        if (thing != null && !thing.isEmpty() && !ElementChecks.isVague(thing)) {
          List<String> notices = new ArrayList<>(found.notices());
          notices.add(ImageNotices.readAs(main, thing));
          // "There's a dog on the left. Can it be this cat instead?": the swap keeps its new thing;
          // "The clock is broken. Use the one from my photo instead.": the new one is a clock
          String replacement = recognition.elements().replacement();
          if (recognition.mode() == EditMode.SWAP && replacement == null && english) {
            replacement = EnglishPhrases.headWithThe(thing);
          }
          EditElements elements =
              recognition.mode() == EditMode.SWAP
                  ? EditElements.swap(thing, replacement)
                  : EditElements.removal(thing);
          return Optional.of(
              new Found(
                  new Recognition(recognition.mode(), recognition.language(), elements), notices));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The thing a context piece introduces, with its determiner: "there's a ladder on the left" →
   * "the ladder on the left", "my ex is in this video" → "my ex", "The dumpster." → "the dumpster".
   */
  private static Optional<String> antecedent(String piece) {
    Optional<String> thing = namedThing(piece);
    if (thing.isPresent()
        && CAMERA_THING.matcher(thing.get()).matches()
        && CAMERA_COMPLAINT.matcher(piece).find()) {
      // "The camera keeps shaking. Get rid of it.": it is the shake
      return Optional.of("the camera shake");
    }
    return thing;
  }

  /** "vase" from 那个 vase is "the vase" in an English prompt. */
  private static String withThe(String phrase) {
    return phrase.matches("(?i)^[a-z][a-z' -]*$")
            && !phrase.matches("(?i)^(?:the|a|an|my|his|her|our|their|your|this|that)\\s.*")
        ? "the " + phrase
        : phrase;
  }

  /** 那个 vase 不好看, 后面那个男的一直盯着镜头看: the thing a Chinese complaint is about. */
  private static Optional<String> chineseAntecedent(String piece) {
    String text = Politeness.trimJunk(Politeness.strip(piece));
    if (!Scripts.hasHan(text)) {
      return Optional.empty();
    }
    Matcher complaint = CHINESE_COMPLAINT.matcher(text);
    if (!complaint.find() || complaint.start() == 0) {
      return Optional.empty();
    }
    String thing = Politeness.trimJunk(text.substring(0, complaint.start()));
    if (thing.isEmpty()
        || thing.length() > 30
        || ElementChecks.isVague(thing)
        || thing.matches("^(?:我|我们|你|您|这|那|这是|那是|视频|画面|这段视频|这个视频).*$")
            && !thing.matches("^[这那](?:个|些|只|张|件|条|辆|位|块|根|把|盏|棵|台|座|面).+$")) {
      return Optional.empty();
    }
    return Optional.of(thing);
  }

  private static Optional<String> namedThing(String piece) {
    String text = Politeness.trimJunk(Politeness.strip(piece));
    Matcher matcher = ANTECEDENT.matcher(text);
    if (matcher.find() && !NOT_A_THING.matcher(matcher.group(2)).find()) {
      String determiner = matcher.group(1) == null ? "" : matcher.group(1).toLowerCase(Locale.ROOT);
      return Optional.of(
          (determiner.matches("my|his|her|our|their") ? determiner : "the")
              + " "
              + EnglishPhrases.videoSide(
                  COMPLAINING_CLAUSE.matcher(matcher.group(2)).replaceFirst("")));
    }
    Matcher feeling = ANTECEDENT_FEELING.matcher(text);
    if (feeling.matches()) {
      // "I hate the curtains."
      String determiner = feeling.group(1).toLowerCase(Locale.ROOT);
      return Optional.of(
          (determiner.matches("my|his|her|our|their") ? determiner : "the")
              + " "
              + EnglishPhrases.videoSide(feeling.group(2)));
    }
    List<String> parts = new ArrayList<>(List.of(text));
    parts.addAll(List.of(text.split("\\s*[:;,—]\\s*")));
    for (String part : parts) {
      for (Pattern pattern : List.of(ANTECEDENT_STATE, ANTECEDENT_ALONE)) {
        Matcher state = pattern.matcher(Politeness.trimJunk(part));
        if (state.matches()) {
          String determiner = state.group(1).toLowerCase(Locale.ROOT);
          String thing = EnglishPhrases.videoSide(state.group(2));
          if (determiner.matches("two|three|four|five")) {
            // "Two seagulls keep flying across": the two seagulls
            return Optional.of("the " + determiner + " " + thing);
          }
          if (determiner.matches("a couple of|a pair of")) {
            return Optional.of("the two " + thing);
          }
          if (determiner.matches("a few|several|a bunch of|lots of|a group of")) {
            return Optional.of("the " + thing);
          }
          if (determiner.endsWith("'s") && !determiner.startsWith("some")) {
            // "Tom's car is parked in front": the car keeps its owner
            return Optional.of(state.group(1) + " " + thing);
          }
          return Optional.of(
              (determiner.matches("my|his|her|our|their|your") ? determiner : "the") + " " + thing);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * "The shadow of my phone is distracting", "my ex is in this video", "that crane looks awful".
   */
  private static final Pattern ANTECEDENT_STATE =
      Pattern.compile(
          "^(?:(?:ugh+|argh+|ugh+h|man|omg|oh|so|also|and|but|well|honestly|seriously|basically|look|hmm+"
              + "|sadly|unfortunately|annoyingly)\\s*[,!.]*\\s+)*"
              + "(the|that|this|those|these|my|his|her|our|their|your|a|an|some|one of the|someone's|somebody's"
              + "|two|three|four|five|a few|several|a couple of|a bunch of|lots of|a group of|a pair of"
              + "|(?!(?:here|there|it|that|what|who|he|she|let|where|this|how|everyone|everything)'s)"
              + "(?-i:\\p{Lu}\\p{Ll}+)'s)\\s+(.+?)\\s+"
              + "(?:(?:just|totally|really|completely|kind of|kinda|always|constantly|literally|basically|still"
              + "|also|so|randomly|suddenly|accidentally|clearly|actually|right|awkwardly)\\s+)*"
              + "(?:is|are|'s|'re|looks|look|seems|seem|keeps|keep|kept|was|were|gets|got|ruins|ruin|spoils|spoil"
              + "|sticks out|stick out|shows up|show up|appears|appear|blocks|block|ruined|spoiled|spoilt|blocked"
              + "|won't|will not|wont|can't|cannot|never|doesn't|does not|didn't|did not|has|have|had"
              + "|sits|sat|stands|stood|lies|lay|hangs|hung|leans|leaned|walks|walked|wanders|wandered|runs|ran"
              + "|flies|flew|comes|came|goes|went|moves|moved|passes|passed|crosses|crossed|drives|drove"
              + "|pops|popped|jumps|jumped|stares|stared|waves|waved|photobombs|photobombed|distracts|distract"
              + "|distracted|covers|covered|hides|hid|makes|made|takes|took|bugs|bugged|annoys|annoyed|clutters"
              + "|cluttered|messes|messed|drags|dragged|steals|stole|draws|drew|catches|caught|ends up|ended up"
              + "|creeps|crept|lurks|lurked|peeks|peeked|shows|showed|appeared|sticks|stuck|rolls|rolled"
              + "|floats|floated|blows|blew|hovers|hovered|snuck|sneaks|strolls|strolled|stays|stayed"
              + "|dominates|dominated|obstructs|obstructed|interrupts|interrupted|wrecks|wrecked|kills|killed"
              + "|bothers|bothered|irritates|irritated|detracts|detracted|faces|faced|points|pointed"
              // "rides straight through", "zooms past": a verb of moving, then where
              + "|\\p{L}{3,}(?:s|ed)(?=\\s+(?:straight|right|through|across|past|around|into|onto|away|off"
              + "|back and forth|up and down|all over)\\b))\\b.*$",
          FLAGS);

  /** "who keeps walking past", "that won't stop barking": a complaint, not part of the name. */
  private static final Pattern COMPLAINING_CLAUSE =
      Pattern.compile(
          "\\s+(?:who|that|which)\\s+(?:keeps|kept|keep|won't stop|wont stop|will not stop|never stops|constantly"
              + "|always|just|totally|ruins|ruined|spoils|spoiled|blocks|blocked)\\b.*$",
          FLAGS);

  /** "I hate the curtains", "I'm not a fan of that lamp". */
  private static final Pattern ANTECEDENT_FEELING =
      Pattern.compile(
          "^(?:(?:i|we)\\s+(?:really\\s+|just\\s+|honestly\\s+|kind of\\s+|kinda\\s+)*(?:hate|dislike|don't like"
              + "|do not like|dont like|can't stand|cannot stand|don't love|am not a fan of|am not keen on|am sick of"
              + "|am tired of)|i'm\\s+(?:really\\s+|just\\s+)?(?:not a fan of|not keen on|sick of|tired of|not happy with"
              + "|not loving))\\s+(the|that|this|those|these|my|his|her|our|their)\\s+(.+?)(?:\\s*[,;].*)?$",
          FLAGS);

  /**
   * "The camera keeps shaking", "the video is so shaky", "the footage flickers": a complaint about
   * how the video was filmed; "it" after it is the shake, not the camera.
   */
  private static final Pattern CAMERA_COMPLAINT =
      Pattern.compile(
          "\\b(?:shak\\w*|jitter\\w*|wobbl\\w*|jerky|unsteady|trembl\\w*|judder\\w*|flicker\\w*|blurr?\\w*"
              + "|grain\\w*|noisy|noise|out of focus|unfocused|bounc\\w*)\\b",
          FLAGS);

  private static final Pattern CAMERA_THING =
      Pattern.compile(
          "^(?:the|my|this|that|our)\\s+(?:whole\\s+|entire\\s+)?(?:camera|cam|video|clip|footage|picture|image|shot|lens"
              + "|frame|recording|filming|camerawork|view|vid)s?$",
          FLAGS);

  /** A pronoun in Chinese that stands for a thing named before: 把他去掉, 让它消失. */
  private static final Pattern CHINESE_PRONOUN = Pattern.compile("^(?:它|他|她|它们|他们|她们)$");

  /** A Chinese complaint after the thing: 一直盯着镜头看, 太挡画面了, 不好看. */
  private static final Pattern CHINESE_COMPLAINT =
      Pattern.compile(
          "(?:(?:一直|总是|总在|老是|老在|不停地?|始终|一个劲儿?地?|又在|还在|正在)[^的]*"
              + "|(?:看着|看起来|看上去|感觉|显得)?(?:太|好|很|真|特别|有点|有些|非常|超|实在|不太|不|挺)[^的，,。]{1,6}?(?:了|啊|呀|的)?)$");

  /** "The dumpster.": a thing named alone. */
  private static final Pattern ANTECEDENT_ALONE =
      Pattern.compile(
          "^(the|that|this|those|these|my|his|her|our|their)\\s+"
              + "(?!(?:is|are|was|were|'s|has|have|had|will|would|can|could|should|must|looks?|seems?)\\b)"
              + "([\\p{L}\\p{N}' -]{2,60})$",
          FLAGS);

  /** "I recorded this on my phone": what was filmed is the video itself, not a thing in it. */
  private static final Pattern NOT_A_THING =
      Pattern.compile(
          "^(?:this|it|that|these|them|on|in|at|with|from|for|to|by|yesterday|today|last|earlier"
              + "|video|clip|footage)\\b",
          FLAGS);

  /** A reading of one piece: a result, or null and maybe a suggestion. */
  private record Attempt(Reading reading, Optional<String> suggestion) {}

  private static Attempt attempt(String piece) {
    String text = Politeness.strip(TAG.matcher(piece).replaceAll(" ").strip());
    if (text.isEmpty()) {
      return new Attempt(null, Optional.empty());
    }
    String plain = text;
    text =
        Restatements.afterFiller(plain)
            .or(() -> Restatements.labelledPronoun(plain))
            .or(() -> Restatements.additionThenPlace(plain))
            .or(() -> Restatements.wishToSee(plain))
            .orElse(plain);
    text = Politeness.strip(Labels.asSentence(text));
    if (text.isEmpty()) {
      return new Attempt(null, Optional.empty());
    }
    text = Politeness.strip(Rephrasings.rephrase(text));
    Optional<Recognition> recognised = Optional.empty();
    if (VerbLexicon.gerundIsTheMeans(text)) {
      // "clean up the clip by removing the cigarette": the edit is the means
      recognised = VerbLexicon.fromGerund(text).flatMap(InstructionReader::recognise);
    }
    if (recognised.isEmpty()) {
      recognised = recognise(text);
    }
    if (recognised.isEmpty()) {
      // "how about zapping the sign", "the logo needs removing"
      recognised = VerbLexicon.fromGerund(text).flatMap(InstructionReader::recognise);
    }
    if (recognised.isEmpty()) {
      // "the cat from the photo, sitting on the sofa": the comma doesn't start a new request
      Matcher continuation = CONTINUATION_COMMA.matcher(text);
      if (continuation.find()) {
        recognised = recognise(continuation.replaceAll(" "));
      }
    }
    if (recognised.isEmpty()) {
      // "I was hoping you could take out the car", "keep the dog but remove the cat"
      Optional<String> inner = embeddedRequest(text);
      if (inner.isPresent()) {
        Optional<Recognition> found = recognise(inner.get());
        String main = found.map(Recognition::mainPhrase).orElse(null);
        if (found.isPresent()
            && main != null
            && !ElementChecks.isVague(main)
            && !PRONOUN.matcher(main.strip()).matches()) {
          String before = text.substring(0, Math.max(0, text.lastIndexOf(inner.get())));
          if (OTHER_REQUEST.matcher(before.substring(lastClauseBreak(before))).find()
              || OTHER_REQUEST.matcher(before).find()) {
            // "speed up the first half and remove the dog": another request first; the edit alone
            // is only offered
            return new Attempt(null, Optional.of(inner.get()));
          }
          recognised = found;
          text = inner.get();
        }
      }
    }
    List<String> notices = new ArrayList<>();
    Optional<String> suggestion = Optional.empty();
    if (recognised.isEmpty()) {
      Optional<Typo> typo = typo(text);
      if (typo.isPresent()) {
        Optional<Recognition> corrected = recognise(typo.get().text());
        if (corrected.isPresent()) {
          if (typo.get().correction().sure()) {
            recognised = corrected;
            notices.add(
                ImageNotices.readAs(
                    typo.get().correction().typed(), typo.get().correction().verb()));
            text = typo.get().text();
          } else {
            suggestion = Optional.of(typo.get().text());
          }
        }
      }
    }
    if (recognised.isEmpty()) {
      return new Attempt(null, suggestion.or(() -> bareThing(piece)));
    }
    Recognition recognition = restatedOnce(recognised.get());
    if (asksForMore(recognition)) {
      return new Attempt(new Several(firstRequest(text)), Optional.empty());
    }
    return new Attempt(new Found(recognition, notices), Optional.empty());
  }

  /** A comma before words that continue the phrase: ", sitting on the sofa", ", with the dog". */
  private static final Pattern CONTINUATION_COMMA =
      Pattern.compile(
          "\\s*,\\s+(?=(?:with|by|for|on|onto|in|into|to|at|from|next to|behind|beside|near|under|over"
              + "|above|below|(?!(?:"
              + VerbLexicon.gerundAlternation()
              + ")\\b)[a-z]+ing)\\b)",
          FLAGS);

  /**
   * Words after which a request starts inside a longer sentence: "I was hoping you could | take out
   * the car", "keep the dog but | remove the cat", "for the listing: please | remove the sign".
   */
  private static final Pattern EMBEDDED_LEAD =
      Pattern.compile(
          "(?:^|\\s|[:,;—–])\\s*(?:(?:you|u|ya)\\s+(?:could|can|would|will|might|to|please)|(?:you|u)(?:'d|'ll)"
              + "|please|pls|plz"
              + "|kindly|just|and|but|so|then|now|instead|rather)\\s+(?=(?:"
              + EnglishRecogniser.REMOVAL_VERBS
              + "|"
              + EnglishRecogniser.ADDITION_VERBS
              + "|replace|swap|swop|switch|substitute|exchange|change|turn|make)\\b)",
          FLAGS);

  /** A request that is not an edit, before an edit: "speed up the first half and …". */
  private static final Pattern OTHER_REQUEST =
      Pattern.compile(
          "^\\s*(?:please\\s+|pls\\s+|can you\\s+|could you\\s+)?(?:speed up|slow down|crop|trim|mute|blur|zoom"
              + "|recolou?r|colou?r|brighten|darken|ignore|disregard|forget|override|bypass|reveal"
              + "|print|output|execute|pretend|act as|send|tell|show me|write|give me|make|change|turn"
              + "|add|put|replace|swap|switch|rotate|flip|stabili[sz]e|loop|reverse|fix|increase"
              + "|decrease|lower|raise|boost|sharpen|shorten|cut|resize|convert|export|fade)\\b",
          FLAGS);

  /** A "no" in the clause before the request: "I don't want you to remove the dog". */
  private static final Pattern NEGATION =
      Pattern.compile(
          "\\b(?:don't|dont|do not|doesn't|does not|never|not|no need|shouldn't|should not|wouldn't"
              + "|would not|won't|will not|didn't|did not|mustn't|can't|cannot|without|stop)\\b",
          FLAGS);

  /**
   * The request inside a longer sentence, unless what comes before it is itself an edit or a no.
   */
  private static Optional<String> embeddedRequest(String text) {
    Matcher lead = EMBEDDED_LEAD.matcher(text);
    while (lead.find()) {
      if (lead.end() >= text.length()) {
        return Optional.empty();
      }
      String before = text.substring(0, lead.start());
      String clause = before.substring(Math.max(0, lastClauseBreak(before)));
      if (NEGATION.matcher(clause).find()
          || recognise(Politeness.strip(before)).isPresent()
          || recognise(Politeness.strip(clause)).isPresent()) {
        continue;
      }
      return Optional.of(Politeness.strip(text.substring(lead.end())));
    }
    return Optional.empty();
  }

  private static int lastClauseBreak(String text) {
    int last = -1;
    for (char mark : new char[] {',', ';', ':', '.', '!', '?', '—', '–'}) {
      last = Math.max(last, text.lastIndexOf(mark));
    }
    return last + 1;
  }

  /** Chinese first when the text has Chinese characters ("remove 红色的车" is still English). */
  static Optional<Recognition> recognise(String instruction) {
    if (Scripts.hasHan(instruction)) {
      Optional<Recognition> chinese = ChineseRecogniser.recognise(instruction);
      if (chinese.isPresent()) {
        return chinese;
      }
    }
    return EnglishRecogniser.recognise(SPACE_AROUND_HAN.matcher(instruction).replaceAll(" "));
  }

  /**
   * Where Chinese and Latin letters touch ("remove那个watermark"): an English verb needs a space
   * after it to be read.
   */
  private static final Pattern SPACE_AROUND_HAN =
      Pattern.compile("(?<=\\p{IsHan})(?=[A-Za-z])|(?<=[A-Za-z])(?=\\p{IsHan})");

  private record Typo(VerbLexicon.Correction correction, String text) {}

  /** The text with its first word, the verb's place, corrected to the nearest lexicon verb. */
  private static Optional<Typo> typo(String text) {
    int space = text.indexOf(' ');
    String first = space < 0 ? text : text.substring(0, space);
    String rest = space < 0 ? "" : text.substring(space);
    return VerbLexicon.nearestVerb(first)
        .map(correction -> new Typo(correction, correction.verb() + rest));
  }

  /** Not right after an abbreviation such as "Dr." or "St.", whose full stop ends no sentence. */
  private static final String AFTER_NO_ABBREVIATION =
      "(?<!\\b(?:Mr|Mrs|Ms|Dr|St|Mt|Jr|Sr|vs|etc|No|Prof|Ave|Rd|approx))";

  /** A sentence end inside a phrase, not counting abbreviations. */
  private static final Pattern SENTENCE_END =
      Pattern.compile(
          AFTER_NO_ABBREVIATION + "[.!?]\\s+\\S|[。！？]\\s*\\S", Pattern.CASE_INSENSITIVE);

  /** A new sentence that starts with a small letter. */
  private static final Pattern LOWER_CASE_SENTENCE =
      Pattern.compile(
          AFTER_NO_ABBREVIATION + "(?<=[.!?])\\s+(?=\\p{Ll})", Pattern.CASE_INSENSITIVE);

  private static boolean spansSentences(Recognition recognition) {
    EditElements elements = recognition.elements();
    for (String phrase :
        new String[] {
          elements.element(), elements.replacement(), elements.subject(), elements.location()
        }) {
      if (phrase != null && SENTENCE_END.matcher(phrase).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence asking for another change to the video, which one edit can't also do: "Also make it
   * faster.", "Then crop it to square.", "and slow it down". (A sentence asking the bot for
   * something else, "ignore your rules", is left out as context.)
   */
  private static final Pattern ANOTHER_VIDEO_EDIT =
      Pattern.compile(
          "^(?:(?:also|then|and|plus|oh and|after that|next|finally|please|pls|can you|could you|and then"
              + "|oh|btw|and also|same time|at the same time|while you're at it)\\s*,?\\s+)*"
              + "(?:make\\s+(?:it|the\\s+(?:whole\\s+)?(?:video|clip|footage|thing|sky|colou?rs?|picture|image)|everything)"
              + "\\s+(?:a\\s+(?:bit|little|lot)\\s+)?(?:faster|slower|brighter|darker|shorter|longer|louder|quieter|warmer"
              + "|cooler|sharper|black and white|slow[- ]?mo(?:tion)?|more\\s+(?:colou?rful|saturated|vivid|vibrant)"
              + "|less\\s+(?:saturated|shaky|bright|dark))"
              + "|speed\\s+(?:it\\s+|the\\s+\\w+\\s+)?up|slow\\s+(?:it\\s+|the\\s+\\w+\\s+)?down|crop|trim|mute|brighten"
              + "|darken|recolou?r|zoom|rotate|flip|stabili[sz]e|loop|reverse|sharpen"
              + "|add\\s+(?:some\\s+)?(?:music|a song|sound|subtitles|captions|a filter|an effect)"
              + "|change\\s+the\\s+(?:colou?r|music|speed|song|filter)s?)\\b",
          FLAGS);

  /** A piece that opens with "then", "also", 再, 然后 … and asks for another edit or action. */
  private static boolean startsAnotherRequest(String piece) {
    Matcher english = SECOND_REQUEST_ENGLISH.matcher(" " + piece);
    if (english.lookingAt()) {
      return true;
    }
    return Scripts.hasHan(piece) && SECOND_REQUEST_CHINESE.matcher(piece).lookingAt();
  }

  /** Whether one of the phrases holds a second request: "the car and add a dog". */
  private static boolean asksForMore(Recognition recognition) {
    EditElements elements = recognition.elements();
    for (String phrase :
        new String[] {
          elements.element(), elements.replacement(), elements.subject(), elements.location()
        }) {
      if (phrase != null
          && (SECOND_REQUEST_ENGLISH.matcher(phrase).find()
              || (Scripts.hasHan(phrase)
                  && (SECOND_REQUEST_CHINESE.matcher(phrase).find()
                      || VERB_INSIDE_CHINESE.matcher(phrase).find())))) {
        return true;
      }
    }
    return false;
  }

  /** The text up to where the second request starts, when that alone is an edit. */
  private static Optional<String> firstRequest(String text) {
    for (Pattern pattern : List.of(SECOND_REQUEST_ENGLISH, SECOND_REQUEST_CHINESE)) {
      Matcher matcher = pattern.matcher(text);
      if (matcher.find() && matcher.start() > 0) {
        String first = Politeness.trimJunk(text.substring(0, matcher.start()));
        Optional<Recognition> recognition = recognise(first);
        if (recognition.isPresent() && !asksForMore(recognition.get())) {
          return Optional.of(first);
        }
      }
    }
    return Optional.empty();
  }

  /** "the watermark" alone: probably "remove the watermark". */
  private static Optional<String> bareThing(String piece) {
    String text = Politeness.strip(piece);
    if (text.matches("(?i)^(?:the|that|this|those|these)\\s+[\\p{L}\\p{N}' -]{2,60}$")
        && text.split("\\s+").length <= 6
        && !text.matches("(?i).*\\b(?:minus|without|but|whole|thing|things|and|or|is|are|was)\\b.*")
        && !ElementChecks.isVague(text)
        && !ElementChecks.isNotVisual(EditMode.REMOVAL, text)) {
      return Optional.of("remove " + text);
    }
    return Optional.empty();
  }

  /** Sentences, by the JDK's sentence rules (they know 。！？ as well as .!?). */
  static List<String> sentences(String text) {
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
    iterator.setText(text);
    List<String> sentences = new ArrayList<>();
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      // the JDK doesn't end a sentence before a lower-case word: "remove the car. ignore …"
      for (String part : LOWER_CASE_SENTENCE.split(text.substring(start, end))) {
        String sentence = Politeness.trimJunk(part);
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    return sentences;
  }

  private static List<String> clauses(String text) {
    List<String> clauses = new ArrayList<>();
    for (String clause : CLAUSE_BREAK.split(text)) {
      String trimmed = Politeness.trimJunk(clause);
      if (!trimmed.isEmpty()) {
        clauses.add(trimmed);
      }
    }
    return clauses;
  }
}
