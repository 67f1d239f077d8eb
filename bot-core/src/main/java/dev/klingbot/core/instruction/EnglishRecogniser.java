package dev.klingbot.core.instruction;

import dev.klingbot.kling.EditMode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an English instruction (politeness already stripped) as a removal, swap or addition. The
 * rules are tried in order; the first whose pattern matches the whole text wins. Swaps come first
 * because their wording is the most specific ("put the hat instead of the cap" is a swap, not an
 * addition).
 */
final class EnglishRecogniser {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A verb before "out" that says the thing is seen: "stands out", "sticks out", "pops out". */
  private static final Pattern STANDS_OUT =
      Pattern.compile(
          "\\s(?:stands?|standing|sticks?|sticking|pops?|popping|juts?|jutting|hangs?|hanging|leans?"
              + "|leaning|peeks?|peeking|looks?|looking|stretch(?:es)?|reach(?:es)?|spreads?|stands right"
              + "|sticks right)$",
          FLAGS);

  /** Verbs that start a removal: "remove …", "get rid of …", "zap …" ({@link VerbLexicon}). */
  static final String REMOVAL_VERBS = VerbLexicon.alternation(VerbLexicon.REMOVAL);

  /** Verbs that start an addition: "add …", "put …", "stick …". */
  static final String ADDITION_VERBS = VerbLexicon.alternation(VerbLexicon.ADDITION);

  /** Past participles that say "removed": "the logo must be taken out", "I want it gone". */
  private static final String REMOVED =
      "(?:removed|deleted|erased|eliminated|gone|taken out|taken away|taken off|taken down|cut out"
          + "|cut|edited out|wiped out|wiped off|wiped away|wiped|rubbed out|painted out|cleared"
          + "|cleared away|cleared out|scrubbed out|scrubbed|lost|ditched|zapped|axed|nuked|nixed"
          + "|binned|scrapped|dumped|trashed|hidden|purged|omitted|excluded|obliterated|eradicated"
          + "|banished|killed|gotten rid of|got rid of|done away with|thrown out|thrown away|tossed"
          + "|chucked|kicked out|pulled out|left out|blotted out|stripped out|cleaned up|out of"
          + " (?:the|this|my) (?:way|video|clip|shot|picture|frame|scene|footage)|outta here)";

  /**
   * Verbs that take their thing before "out", "away" or "off": "take the car out", "yank the bin
   * out of the shot", "get that fly off my face"; every one-word removal verb, and a few that only
   * remove with the particle.
   */
  private static final String PARTICLE_VERBS =
      VerbLexicon.alternation(VerbLexicon.oneWord(VerbLexicon.REMOVAL))
          + "|take|get|edit|paint|rub|clear|throw|kick|knock|pull|blot|white|strip|clean|leave"
          + "|snip|keep|rip|pluck|photoshop|airbrush|clone|blank|scratch|cross|weed|shoo|chase"
          + "|send|move";

  /** "has to", "must", "should", "needs to", "can" … before "go" or "be removed". */
  private static final String MODAL =
      "(?:should|must|has to|have to|needs to|need to|got to|gotta|has gotta|have gotta|'s gotta"
          + "|has got to|have got to|can"
          + "|could|ought to|is to|are to|is going to have to|will have to|had better|'s got to"
          + "|shall|may|would|will)";

  /** What comes after a modal in a removal: "go", "be taken out", "not be there". */
  private static final String LEAVES =
      "(?:go|go away|leave|disappear|vanish|get lost|come out|come off|be gone|be out|be "
          + REMOVED
          + "|get "
          + REMOVED
          + "|not be (?:there|here|in (?:it|the (?:video|clip|shot|picture|frame|scene)))"
          + "|not stay|not appear|not be seen|not be visible|not be shown|not show|be invisible|be unseen"
          + "|be out of (?:the\\s+)?(?:shot|frame|picture|view)"
          + "|be removed from (?:the|this) (?:video|clip|shot))";

  /** A question or request that opens with a modal: "could the bike be swapped …". */
  private static final String QUESTION_MODAL = "(?:can|could|would|will|should|may|might|shall)";

  /**
   * "It would be great if", "I'd be happy if", "would be nice if": a wish about how the video
   * should be, followed by a clause ("… the van was gone").
   */
  private static final String IF_WISH =
      "(?:(?:(?:it|that|this)\\s*(?:'d|'ll|\\s+would|\\s+will)?\\s+|(?:'d|would|will)\\s+)?be"
          + "\\s+(?:so\\s+|really\\s+|much\\s+|way\\s+|even\\s+|super\\s+)?(?:great|nice|good|better|awesome"
          + "|cool|ideal|perfect|lovely|amazing|best|fantastic|wonderful|helpful|neat|sweet|cleaner)"
          + "|i'd prefer it|i would prefer it|i'd prefer|i would prefer|i'd like it|i would like it"
          + "|i'd love it|i would love it|i'd be (?:happy|glad|grateful|thankful)"
          + "|i would be (?:happy|glad|grateful|thankful)|i'd appreciate it|i would appreciate it"
          + "|can you make it so|could you make it so|make it so)\\s+(?:if|that)";

  /** A noun phrase that starts like one: "the car", "that logo", "all the people". */
  private static final String DETERMINER =
      "(?=(?:the|that|this|those|these|all|every|each|any|a|an|my|his|her|their|our|your|its"
          + "|both|some)\\s)";

  /** A wish before what the user wants to see: "I'd love", "can we have", "how about". */
  static final String WISH =
      "(?:(?:i|we)(?:'d|\\s+would)?(?:\\s+(?:really|so|just|also))?\\s+(?:love|like|want|need|wanna"
          + "|prefer|wish for)(?:\\s+to\\s+(?:see|have|get))?(?:\\s+for(?=\\s+(?:the|this|that|these|those|my|his|her|their|our|a|an)\\s))?|i wanna see|(?:can|could) (?:we|i|you)"
          + " (?:have|get|see|show)|how about|what about|maybe|give me|gimme|i'm thinking|imagine)";

  /** Scene verbs between what to add and where: "let the cat lie on the sofa". */
  static final String SCENE_VERBS =
      "(?:lie|lying|lay|laying|lies|sit|sitting|sits|sat|seated|stand|standing|stands|fly|flying"
          + "|flies|float|floating|floats|hang|hanging|hangs|perch|perched|perching|rest|resting"
          + "|sleep|sleeping|nap|napping|walk|walking|run|running|hover|hovering|appear"
          + "|appearing|be|being|stay|staying|wait|waiting|sail|sailing|soar|soaring|drift"
          + "|drifting|swim|swimming|play|playing|dance|dancing|lounge|lounging|chill|chilling"
          + "|relax|relaxing|crawl|crawling|peek|peeking|pop up|popping up|show up|showing up"
          + "|curl up|curled up|parked|park|placed|be placed|be put|be added|glide|gliding|graze"
          + "|grazing|roam|roaming|jump|jumping|climb|climbing|lean|leaning|hop|hopping|glow"
          + "|glowing|shine|shining|burn|burning|sway|swaying|wave|waving|bob|bobbing|hide"
          + "|hiding|sunbathe|sunbathing|sleep|sit there|stand there|lie there|be there"
          + "|be sitting|be lying|be standing|be flying|be floating|be hanging|be perched"
          + "|land|landing|lands|landed|perches|rests|lean|leans|swing|swinging|ride|riding|roll"
          + "|rolling|spin|spinning|dive|diving|splash|splashing|pose|posing|smile|smiling|eat"
          + "|eating|drink|drinking|read|reading|look|looking|watch|watching|stretch|stretching"
          + "|bounce|bouncing|fall|falling|skip|skipping|sing|singing|kneel|kneeling|crouch"
          + "|crouching|squat|squatting|sprawled|circle|circling|flow|flowing|twinkle|twinkling"
          + "|sparkle|sparkling|bloom|blooming|grow|growing|propped|stacked|lined up|piled up"
          + "|skate|skating|surf|surfing|chase|chasing|follow|following|graze|cuddle|cuddling|snuggle|snuggling|nestle|nestled"
          + "|nestling|tucked|sprawl|sprawling|pace|pacing|wander|wandering|stroll|strolling|gallop"
          + "|galloping|trot|trotting|race|racing|march|marching|flutter|fluttering|scurry|scurrying"
          + "|sprint|sprinting|drive|driving|prance|prancing|leap|leaping|paddle|paddling)";

  /** Verbs of wearing or holding: "make the man wear this hat", "get the bride to hold …". */
  private static final String WEAR =
      "(?:wear|wearing|hold|holding|carry|carrying|put on|putting on|try on|trying on|don|sport"
          + "|sporting|have on|grab|grabbing)";

  /** An arrow between the old and the new element: →, ⇒, ➡, ->, -->, =>. */
  private static final String ARROW = "(?:→|⇒|➡|-+>|=+>)";

  /** Keeps the sentence-wide rules from firing inside an instruction that starts with a verb. */
  private static final String NO_LEADING_VERB =
      "(?!(?:" + REMOVAL_VERBS + "|" + ADDITION_VERBS + "|make|replace|swap|change|turn)\\b)";

  private static final List<RecognitionRule> RULES =
      List.of(
          // --- swaps ---
          // replace the red car with the blue truck / replace X by Y
          rule(
              "^replace\\s+(.+?)\\s+(?:with|by|for|using)\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // sub the violin out for the guitar in the photo: the one taken out is the original
          rule(
              "^(?:substitute|sub|swap|swop|switch|trade|change)\\s+(.+?)\\s+out\\s+(?:for|with)\\s+(.+)$",
              m -> swapEitherWay(m.group(1), m.group(2))),
          // substitute the dog for the cat: the dog is the new element
          rule(
              "^(?:substitute|sub)\\s+(?!(?:in|out)\\s)(.+?)\\s+for\\s+(.+)$",
              m -> swap(m.group(2), m.group(1))),
          // substitute the cat with the dog
          rule("^substitute\\s+(.+?)\\s+(?:with|by)\\s+(.+)$", m -> swap(m.group(1), m.group(2))),
          // swap in the dog for the cat
          rule(
              "^(?:swap|switch|sub|substitute|put|bring|slot|pop|drop|trade)\\s+in\\s+(.+?)\\s+(?:for|instead of|in place of)\\s+(.+)$",
              m -> swap(m.group(2), m.group(1))),
          // swap (out) the cat for the dog in this photo: "in this photo" tells which one is new
          rule(
              "^(?:swap|swop|switch|exchange|trade|sub|change(?=\\s+out\\s))(?:\\s+out)?\\s+(.+?)\\s+(?:for|with)\\s+(.+)$",
              m -> swapEitherWay(m.group(1), m.group(2))),
          // change / turn / transform the sky into a sunset (the last "into")
          rule(
              "^(?:change|turn|transform|convert|morph|make)\\s+(.+)\\s+into\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // change the man next to the car to a woman (the last " to ")
          rule(
              "^(?:change|convert|switch|turn)\\s+(.+)\\s+to\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // make the man wear this hat / have the cat wear these glasses / get the bride to hold
          // this
          // bouquet: what is worn or held is added to the one who wears it
          rule(
              "^(?:make|have|let|get)\\s+(?!(?:it|this|the (?:video|clip|shot|scene))\\s)(.+?)\\s+(?:to\\s+)?"
                  + WEAR
                  + "\\s+(.+)$",
              m -> addition(m.group(2), m.group(1))),
          // the man should wear this hat / I want the girl to wear the scarf from the photo
          rule(
              "^(?:"
                  + WISH
                  + "\\s+)?"
                  + NO_LEADING_VERB
                  + DETERMINER
                  + "(.+?)\\s+(?:should|must|could|can|needs to|has to|will|to)\\s+(?:be\\s+)?"
                  + WEAR
                  + "\\s+(.+)$",
              m -> addition(m.group(2), m.group(1))),
          // dress the kid in this jacket
          rule(
              "^dress\\s+(?:up\\s+)?(.+?)\\s+(?:up\\s+)?in\\s+(.+)$",
              m -> addition(m.group(2), m.group(1))),
          // the paper plane, make it fly around the room / this bird — have it circle over the
          // tower
          rule(
              "^(.+?)\\s*(?:,|;|:|—|–|\\s-)\\s*(?:(?:and|then|please|pls|just|now|can you|could you)\\s+)*"
                  + "(?:make|have|let|get)\\s+(?:it|them|him|her)\\s+(?:to\\s+)?[a-z]+\\s+(.+)$",
              m -> AdditionSplitter.scene(m.group(1), m.group(2))),
          // this hat, put it on the man
          rule(
              "^(.+?)\\s*(?:,|;|:|—|–|\\s-)\\s*(?:(?:and|then|please|pls|just|now|can you|could you)\\s+)*"
                  + ADDITION_VERBS
                  + "\\s+(?:it|them)\\s+(.+)$",
              m ->
                  AdditionSplitter.wish(
                      (m.group(1)
                                  .matches(
                                      "(?i)^(?:the|this|that|these|those|a|an|my|our|his|her)\\s.*")
                              ? m.group(1)
                              : EnglishPhrases.shownThing(m.group(1)).orElse(m.group(1)))
                          + " "
                          + m.group(2))),
          // make the dog the one in the photo
          rule(
              "^make\\s+(.+?)\\s+((?:the|this|that|these|those)\\s+(?:(?:same|new|other)\\s+)?ones?\\b.*)$",
              m -> EnglishPhrases.pointsAtImage(m.group(2)) ? swap(m.group(1), m.group(2)) : null),
          // make it look like the eagle from the picture is flying over the city
          rule(
              "^(?:make|have|get)\\s+(?:it|this|the (?:video|clip|shot|scene))\\s+(?:look|seem|appear)"
                  + "\\s+(?:like|as if|as though)\\s+(.+)$",
              m -> clause(m.group(1))),
          // make the cat look like a dog / become a dog
          rule(
              "^make\\s+(.+?)\\s+(?:look like|become)\\s+(.+)$", m -> swap(m.group(1), m.group(2))),
          // (use) the hat instead of the cap / put the dog in place of the cat
          rule(
              "^(?!"
                  + REMOVAL_VERBS
                  + "\\b)(?:(?:i'd rather have|i would rather have|i'd rather|i'd prefer|i would prefer"
                  + "|i'd like|i would like|i want|we want|let's have|let's use|go with)\\s+)?"
                  + "(?:(?:use|put|place|add|insert|show|have|get|want)\\s+)?(.+?)\\s+"
                  + "(?:instead of|in place of|in lieu of|rather than)\\s+(.+)$",
              m -> swap(m.group(2), m.group(1))),
          // instead of the vase, use the lamp in the image / rather than the cap, put the hat on
          // him
          rule(
              "^(?:instead of|in place of|in lieu of|rather than)\\s+(.+?)\\s*,?\\s+(?:(?:please|just)\\s+)?"
                  + "(?:use|put|place|add|insert|show|have|get|want|go with|take|i want|i'd like"
                  + "|i'd rather have|i would rather have|i'd rather|i'd prefer|i would prefer"
                  + "|i would like|i'd rather have|let's have|let's use|give me|we want|we need|i need)"
                  + "\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // put the new logo from the image where the old logo is
          rule(
              "^(?:put|place|add|insert|stick|use|drop|pop|have|show)\\s+(.+?)\\s+(?:right\\s+)?where\\s+"
                  + "(.+?)\\s+(?:is|are|was|were|used to be|sits|sat|stands|stood|currently is|is now|is right now"
                  + "|is sitting|is standing|is parked|is hanging|hangs)$",
              m -> swap(m.group(2), m.group(1))),
          // the cat → the dog / replace cat -> dog
          rule(
              "^(?:(?:replace|change|swap|switch|turn|convert)\\s+)?"
                  + NO_LEADING_VERB
                  + "(.+?)\\s*"
                  + ARROW
                  + "\\s*(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // the cat should become a dog / the cat replaced with a dog / I want the cat swapped for
          rule(
              "^(?:"
                  + WISH
                  + "\\s+|"
                  + QUESTION_MODAL
                  + "\\s+|let\\s+|what if\\s+)?"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:becomes|should become|turns into|should turn into|become|could become"
                  + "|would become|will become|can become|to become|must become|needs to become|became"
                  + "|(?:should be |to be |be |must be |needs to be |got |get )?(?:replaced|swapped|switched"
                  + "|exchanged|traded|changed|turned|subbed)(?: out| over)? (?:with|by|for|into|to))\\s+(.+)$",
              m -> swap(m.group(1), m.group(2))),
          // replace the cat / swap out the cat: the new element is whatever the image shows
          rule(
              "^(?:replace|swap|swop|switch|exchange|substitute|change(?=\\s+out\\s))(?:\\s+out)?(?:\\s+(.*))?$",
              m -> swap(m.group(1), null)),
          // --- removals whose verb comes last, and removals said as a wish or a state ---
          // make the dog disappear / let the car vanish
          removalRule(
              "^(?:make|let|have|get)\\s+(.+?)\\s+(?:(?:just|somehow"
                  + "|completely|totally|magically)\\s+)?(?:disappear|vanish|go away|be gone|gone|invisible"
                  + "|go bye-bye|go poof|leave|get lost|be erased|be removed|be deleted)"
                  + "(?:\\s+(?:completely|entirely|altogether|somehow|for good))?(?:\\s+(?:from|out of|off|in)\\s+.+)?$"),
          // could the van be removed / can the logo go / will the sign disappear
          removalRule(
              "^"
                  + QUESTION_MODAL
                  + "\\s+"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:(?:please|just|somehow)\\s+)?"
                  + LEAVES
                  + "$"),
          // I want the car removed / get the logo erased / I'd like that sign gone
          removalRule(
              "^(?:i want|i'd like|i would like|i need|i'd love|i would love|we want|we need"
                  + "|get|have|want|need|i wanna see|i want to see)\\s+(.+?)\\s+(?:to be\\s+)?(?:"
                  + REMOVED
                  + "|out)$"),
          // I'd rather not have the sign / I don't want the car in the video / no more logos
          removalRule(
              "^(?:i|we)(?:'d|\\s+would)(?:\\s+(?:really|much|honestly|just|definitely|kinda|sort of))?"
                  + "\\s+(?:rather|prefer to|prefer)\\s+not\\s+(?:to\\s+)?"
                  + "(?:have|see|keep|show|include|get)\\s+(.+)$"),
          removalRule(
              "^(?:i|we)\\s+(?:don't|do not|dont|really don't|never|no longer)\\s+"
                  + "(?:want|need|like)(?:\\s+to\\s+(?:see|have|keep))?\\s+(?!(?:you|u|it|them|to)\\b)(.+?)"
                  + "(?:\\s+(?:(?:in|on|over|out)\\s+)?(?:anymore|any more|there|here))*$"),
          removalRule(
              "^(?:i|we)(?:'d|\\s+would)\\s+(?:prefer|like|love)\\s+(?:it|the (?:video|clip|shot))"
                  + "\\s+without\\s+(.+)$"),
          // I'd rather the drone wasn't there / I wish the van weren't in the shot
          removalRule(
              "^(?:(?:i|we)?(?:'d|\\s+would|would)?\\s*rather|i wish|if only|"
                  + IF_WISH
                  + ")\\s+(.+?)\\s+(?:wasn't|weren't|was not|were not|isn't|is not|didn't exist"
                  + "|did not exist|disappeared|vanished|wasn't there|weren't there|went away"
                  + "|(?:was|were|is|are|got|could be|would be|could get|can be) "
                  + REMOVED
                  + "|(?:could|would|can) (?:go|go away|disappear|vanish))"
                  + "(?:\\s+(?:there|here|in\\s+.+|on\\s+.+|from\\s+.+|somehow|visible|seen|shown|around"
                  + "|anymore|any more|at all))?$"),
          // I'd prefer the scaffolding not to be visible / I'd like the kite not to be there
          removalRule(
              "^(?:(?:i|we)(?:'d|\\s+would)?(?:\\s+(?:really|much|just))?\\s+(?:prefer|like|love|want|need)"
                  + "|i'd rather have|i would rather have)\\s+"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:not\\s+to\\s+be|to\\s+not\\s+be|not\\s+be)\\s+(?:there|here|visible|seen"
                  + "|shown|included|noticeable|around|in\\s+.+|on\\s+.+)$"),
          // it would look better without the sign / better without the logo
          removalRule(
              "^(?:(?:it|this|that|the (?:video|clip|shot))\\s*)?(?:would|'d|'ll|will|might)?\\s*(?:look|be|seem)?"
                  + "\\s*(?:so\\s+|much\\s+|way\\s+|a lot\\s+|even\\s+)?(?:better|cleaner|nicer|neater|prettier"
                  + "|tidier|less cluttered|more professional)\\s+(?:without|with no|minus|sans)\\s+(.+)$"),
          // the clip minus the logo / the video without the people
          removalRule(
              "^(?:(?:"
                  + WISH
                  + "|hoping for|i'm hoping for|hope for|looking for|i'm after|just)\\s+)?"
                  + "(?:(?:all\\s+(?:i|we)\\s+(?:really\\s+)?(?:want|need|ask for|wanna see)\\s+is|(?:i|we)|just|only|really"
                  + "|simply|want|need|wanna|would like|to see|to have|to get|see|have|get)\\s+)*"
                  + "(?:(?:the|this|my|same|a|an|one)\\s+)?(?:(?:whole|entire|same|new|other|clean|cleaner"
                  + "|clear|fresh|final|nice)\\s+)*"
                  + "(?:video|clip|footage|shot|scene|film|frame|picture|recording|vid|thing|version"
                  + "|copy|one|edit|take)(?:\\s+of\\s+(?:this|it|that|the (?:video|clip|shot)|my (?:video|clip)))?"
                  + "\\s+(?:but\\s+|just\\s+|only\\s+)?(?:minus|without|sans|with no|with no more"
                  + "|free of|free from|cleaned of|less)\\s+(.+)$"),
          // the frame should be free of the ropes
          removalRule(
              "^(?:the|this|my)\\s+(?:video|clip|footage|shot|scene|film|frame|picture|background)\\s+"
                  + "(?:should|must|needs to|has to|ought to|could|would|can|will)\\s+be\\s+(?:free of|free from"
                  + "|clear of|rid of|without|empty of|devoid of)\\s+(.+)$"),
          // rid the video of the logo / clear the shot of people
          removalRule(
              "^(?:rid|clear|free|clean|strip|purge|empty|cleanse)\\s+(?:the|this|my)\\s+"
                  + "(?:video|clip|footage|shot|scene|film|frame|picture)\\s+of\\s+(.+)$"),
          // no more logos / without the people / minus the sign / bye-bye watermark / away with it
          removalRule(
              "^(?:no more|without|minus|sans|bye bye|bye-bye|goodbye|good bye|say goodbye to"
                  + "|away with|off with|down with|enough of|enough with|begone)\\s+(.+)$"),
          removalRule(
              "^no\\s+(?!(?:thanks|thank|way|problem|worries|idea|need|don't|dont|i|it|that|you"
                  + "|one|no|please|more)\\b)(.+)$"),
          // take the car out / cut the logo out of the shot / get the bin out of the way
          removalRule(
              "^(?:"
                  + PARTICLE_VERBS
                  + ")\\s+(.+?)(?<!ing)\\s+(?:out|away|off|outta)(?:\\s+(?:of\\s+.+|there|here|"
                  + DETERMINER
                  + ".+))?$"),
          // the car has to go / the logo should be removed / the sign must be taken out
          removalRule(
              "^"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:(?:really|definitely|just|simply|absolutely|honestly|seriously|totally)\\s+)?"
                  + MODAL
                  + "\\s+(?:really\\s+|definitely\\s+|just\\s+|all\\s+)?"
                  + LEAVES
                  + "$"),
          // the logo shouldn't be there / the crane doesn't belong in the shot
          removalRule(
              "^"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:(?:really|definitely|just|absolutely|honestly|seriously|totally|simply"
                  + "|actually)\\s+)?(?:shouldn't|should not|mustn't|must not|can't|cannot|doesn't|does not|wouldn't"
                  + "|would not|won't|will not|needn't|need not|ought not to|oughtn't to|oughtn't"
                  + "|(?:isn't|is not|aren't|are not|'s not|'re not) (?:supposed|meant|allowed) to)"
                  + "\\s+(?:be\\s+(?:there|here|in\\s+.+|on\\s+.+|visible|seen|shown|noticeable|included)"
                  + "|stay|appear(?:\\s+.+)?|show(?:\\s+.+)?)$"),
          removalRule(
              "^"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:doesn't|does not|don't|do not)\\s+belong(?:\\s+.+)?$"),
          // the cables are not needed / that car is unwanted / the logo, gone
          removalRule(
              "^"
                  + DETERMINER
                  + "(.+?)\\s+(?:is|are|'s|'re|seems|looks)\\s+(?:not needed|unwanted|unnecessary"
                  + "|superfluous|not wanted|in the way|an eyesore"
                  + "|redundant|useless|out of place)(?:\\s+.*)?$"),
          rule(
              "^"
                  + DETERMINER
                  + "([^,;:!?]+?)(?:\\s*,)?(?:\\s+(?:is|are|was|were|gets|got|get|be))?\\s+(?:"
                  + REMOVED
                  + "|out|away|begone|be gone|bye|bye-bye)$",
              // "the trash can really stands out" says it is visible, not that it should go
              m -> STANDS_OUT.matcher(m.group(1)).find() ? null : removal(m.group(1))),
          // I want the bench to be the sofa from the photo: the new thing points at the image
          rule(
              "^(?:"
                  + WISH
                  + "\\s+|(?:let|can|could|would|will|may|might|what if|how about if|imagine if)\\s+)?"
                  + NO_LEADING_VERB
                  + "(.+?)\\s+(?:to be|should be|could be|would be|must be|needs to be|to become|be|was|were"
                  + "|(?:should |to |could |must )?(?:look|looks) like|(?:should |to )?(?:resemble|match)"
                  + "|resembles|matches)"
                  + "\\s+(?:(?:replaced by|swapped for|changed to|like|just like|similar to|the same as"
                  + "|identical to)\\s+)?((?:the|a|an|this|that|these|my)\\s+.+?)(?:\\s+instead)?$",
              m ->
                  EnglishPhrases.pointsAtImage(m.group(2))
                          || EnglishPhrases.namesTheThingShown(m.group(2))
                      ? swap(m.group(1), m.group(2))
                      : null),
          // the teddy bear from the image should be sitting on the bed
          rule(
              "^"
                  + NO_LEADING_VERB
                  + DETERMINER
                  + "(.+?)\\s+(?:should|must|could|can|needs to|has to|would|will|is going to|is to)"
                  + "\\s+((?:be\\s+)?"
                  + SCENE_VERBS
                  + "\\s+.+)$",
              m -> AdditionSplitter.wish(m.group(1) + " " + m.group(2))),
          // the cat from the photo sitting on the sofa: a scene that names the image
          rule(
              "^" + NO_LEADING_VERB + DETERMINER + "(.+)$",
              m ->
                  EnglishPhrases.mentionsImage(m.group(1))
                      ? AdditionSplitter.wish(m.group(1))
                      : null),
          // --- additions ---
          // I'd love the kite from the picture flying above the hill / can we have a dog on the bed
          rule("^" + WISH + "\\s+(.+)$", m -> AdditionSplitter.wish(m.group(1))),
          // give the man a hat
          rule(
              "^give\\s+(.+?)\\s+((?:a|an|some|this|these)\\s+.+)$",
              m -> addition(m.group(2), m.group(1))),
          // let the cat from the photo lie on the sofa / have a bird fly above the tree
          rule(
              "^(?!"
                  + REMOVAL_VERBS
                  + "\\b)(?:let|have|make|get|see|show|imagine|picture)\\s+(.+?)\\s+(?:to\\s+)?"
                  + SCENE_VERBS
                  + "\\s+(.+)$",
              m -> AdditionSplitter.scene(m.group(1), m.group(2))),
          // there should be a dog on the sofa
          rule(
              "^(?:there should be|let there be|i want there to be|there needs to be|there must be"
                  + "|there has to be|there could be|there ought to be|there's supposed to be"
                  + "|i'd like there to be|can there be|could there be)\\s+(.+)$",
              m -> AdditionSplitter.english(m.group(1))),
          // add this hat to the man / put the sunglasses from the picture on the woman / add a dog
          rule(
              "^(?!"
                  + REMOVAL_VERBS
                  + "\\b)"
                  + ADDITION_VERBS
                  + "(?:\\s+in(?=\\s+(?:a|an|some)\\s))?(?:\\s+(.*))?$",
              m -> AdditionSplitter.english(m.group(1))),
          // --- removals whose verb comes first ---
          // remove the man in the red jacket / get rid of the red car / lose the hat
          removalRule("^" + REMOVAL_VERBS + "(?:\\s+(.*))?$"));

  private EnglishRecogniser() {}

  static Optional<Recognition> recognise(String instruction) {
    return RecognitionRule.first(RULES, instruction);
  }

  private static RecognitionRule rule(String regex, Function<Matcher, Recognition> read) {
    return new RecognitionRule(Pattern.compile(regex, FLAGS), read);
  }

  /** A rule for a removal of the thing in group 1. */
  private static RecognitionRule removalRule(String regex) {
    return rule(regex, m -> removal(m.group(1)));
  }

  private static Recognition removal(String element) {
    return new Recognition(
        EditMode.REMOVAL,
        Language.ENGLISH,
        EditElements.removal(EnglishPhrases.videoSide(element)));
  }

  /** "the old one" for the original: the new element's noun says what it is. */
  private static final Pattern OLD_ONE =
      Pattern.compile(
          "^(?:the|this|that)\\s+((?:old|current|existing|original|other|present)\\s+)?ones?$",
          FLAGS);

  private static Recognition swap(String original, String replacement) {
    String videoSide = EnglishPhrases.videoSide(original);
    String imageSide = replacement == null ? null : EnglishPhrases.imageSide(replacement);
    Matcher oldOne = OLD_ONE.matcher(videoSide);
    if (oldOne.matches() && imageSide != null) {
      // "use the lamp from the photo instead of the old one": the old lamp
      String head = EnglishPhrases.headWithThe(imageSide);
      if (head != null) {
        videoSide = "the " + (oldOne.group(1) == null ? "" : oldOne.group(1)) + head.substring(4);
      }
    }
    if (imageSide == null
        && replacement != null
        && EnglishPhrases.isOneOfTheSameKind(replacement)) {
      // "replace the sky with this one": the new element is a sky, the one in the image
      imageSide = EnglishPhrases.headWithThe(videoSide);
    }
    return new Recognition(
        EditMode.SWAP, Language.ENGLISH, EditElements.swap(videoSide, imageSide));
  }

  /**
   * "swap A for B" is said both ways round; the phrase that points at the image ("in this photo")
   * or away from the video is the new element. Without such a hint, A is the original.
   */
  private static Recognition swapEitherWay(String first, String second) {
    boolean firstIsNew =
        (EnglishPhrases.pointsAtImage(first) && !EnglishPhrases.pointsAtImage(second))
            || (EnglishPhrases.pointsAtVideo(second) && !EnglishPhrases.pointsAtVideo(first));
    return firstIsNew ? swap(second, first) : swap(first, second);
  }

  /** A clause that describes the edited video: "the eagle is flying over the city". */
  private static final Pattern STATE_CLAUSE =
      Pattern.compile(
          "^(?:there\\s+(?:is|are|'s)\\s+)(.+)$|^(.+?)\\s+(?:is|are|'s|was|were)\\s+(.+)$", FLAGS);

  private static Recognition clause(String text) {
    Matcher matcher = STATE_CLAUSE.matcher(Phrases.tidy(text));
    if (!matcher.matches()) {
      return null;
    }
    if (matcher.group(1) != null) {
      return AdditionSplitter.wish(matcher.group(1));
    }
    if (Pattern.compile("^(?:" + REMOVED + "|not there|missing|absent|not in it)$", FLAGS)
        .matcher(matcher.group(3))
        .matches()) {
      return removal(matcher.group(2));
    }
    return AdditionSplitter.wish(matcher.group(2) + " " + matcher.group(3));
  }

  static Recognition addition(String subject, String location) {
    return new Recognition(
        EditMode.ADDITION,
        Language.ENGLISH,
        EditElements.addition(
            EnglishPhrases.imageSide(subject), EnglishPhrases.location(location)));
  }
}
