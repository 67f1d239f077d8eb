package dev.klingbot.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.klingbot.core.Platform;
import dev.klingbot.core.Requester;
import dev.klingbot.core.admin.AdminService;
import dev.klingbot.core.chat.ChatAction;
import dev.klingbot.core.chat.ChatMessage;
import dev.klingbot.core.edit.Edit;
import dev.klingbot.core.edit.EditState;
import dev.klingbot.core.testing.RecordingChat;
import dev.klingbot.core.testing.WorkflowFixture;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The one dialogue, through the handler: what is posted for all and what only the asker sees. */
class ConversationHandlerTest {
  @AutoClose private final WorkflowFixture fixture = WorkflowFixture.quick();
  private final RecordingChat chat = new RecordingChat(Platform.SLACK);
  private final Requester alice = WorkflowFixture.requester(Platform.SLACK, "alice");
  private final Requester bob = WorkflowFixture.requester(Platform.SLACK, "bob");
  private final ConversationHandler handler;

  ConversationHandlerTest() {
    fixture.chats.register(chat);
    AdminService admin = fixture.admin();
    handler = fixture.conversation();
  }

  private Edit start() {
    Told told = new Told();
    Edit edit =
        handler
            .handle(
                Actor.of(alice),
                new EditCommand.Start(
                    fixture.sampleVideo(1280, 720, 30, 5),
                    "remove the orange ball",
                    List.of(),
                    null,
                    null),
                told)
            .orElseThrow(() -> new AssertionError("not started: " + told.text()));
    assertThat(told.done).containsExactly("🎬 Edit `" + edit.id() + "`: the plan is posted here.");
    assertThat(told.working).containsExactly("Checking the video…");
    return edit;
  }

  @Test
  void theStartPostsThePlanMentioningTheOwnerAndAttachesTheConversation() {
    Edit edit = start();

    RecordingChat.Posted plan = chat.posts().get(0);
    assertThat(plan.message().mentionUserId()).isEqualTo("alice");
    assertThat(plan.text()).contains("Kling prompt").contains(edit.id());
    assertThat(plan.message().actions())
        .extracting(ChatAction::kind)
        .contains(ChatAction.Kind.SUBMIT);
    Edit stored = fixture.edits.find(edit.id()).orElseThrow();
    assertThat(stored.planMessageId()).isEqualTo(plan.id());
    assertThat(stored.state()).isEqualTo(EditState.SELECTING);
  }

  @Test
  void changesArePostedForAllAndOnlyTheOwnerOrAnAdminMayMakeThem() {
    Edit edit = start();
    int before = chat.posts().size();

    Told stranger = told(bob, new EditCommand.Grid(edit.id(), 0));
    assertThat(stranger.text()).contains("belongs to alice");
    assertThat(stranger.messages).allMatch(ChatMessage::ephemeral);
    assertThat(chat.posts()).hasSize(before);

    Told owner = told(alice, new EditCommand.Grid(edit.id(), 0));
    RecordingChat.Posted grid = chat.posts().get(before);
    assertThat(grid.message().files()).isNotEmpty();
    assertThat(grid.message().actions())
        .extracting(ChatAction::kind)
        .containsExactly(ChatAction.Kind.MARK_CELLS, ChatAction.Kind.UNMARK_CELLS);
    assertThat(owner.done).containsExactly("✅ Done.");

    handler.handle(
        Actor.of(alice),
        new EditCommand.Select(edit.id(), CommandGrammar.selection("E5 F5")),
        new Told());
    assertThat(chat.posts().get(before + 1).text())
        .contains("E5")
        .contains("F5")
        .contains("frame 0");
  }

  @Test
  void queriesAndRefusalsAreForTheAskerAlone() {
    Edit edit = start();
    int before = chat.posts().size();

    Told status = told(bob, new EditCommand.Status(edit.id()));
    Told help = told(bob, new EditCommand.Help());
    Told admin = told(bob, new EditCommand.Admin.QuotaSet("daily", "50"));

    assertThat(status.text()).contains(edit.id());
    assertThat(help.text())
        .contains("select C4 D4")
        .contains("frame:12")
        .doesNotContain("admin help");
    assertThat(admin.text()).contains("Only admins can use the admin commands");
    assertThat(chat.posts()).hasSize(before);
    assertThat(fixture.quota.policy(Platform.SLACK, alice.serverId()).dailyUnits())
        .isNotEqualTo(50);
  }

  @Test
  void aSelectionPageLinkMarksItsOwnEditAndNothingElse() {
    Edit edit = start();
    Told page = new Told();

    handler.run(
        new Actor.LinkHolder(edit.id()),
        new EditCommand.Select(null, CommandGrammar.selection("C4")),
        page);

    assertThat(fixture.selections.points(edit.id())).isNotEmpty();
    Told other = new Told();
    handler.handle(new Actor.LinkHolder(edit.id()), new EditCommand.Submit(edit.id()), other);
    assertThat(other.text()).contains("can only mark");
    assertThat(fixture.edits.find(edit.id()).orElseThrow().state())
        .isNotEqualTo(EditState.SUBMITTED);
  }

  @Test
  void aRefusedInstructionWithACloseReadingIsOfferedAsOneClick() {
    Told refused = new Told();
    handler.handle(
        Actor.of(alice),
        new EditCommand.Start(
            fixture.sampleVideo(1280, 720, 30, 5), "the watermark", List.of(), null, null),
        refused);

    assertThat(refused.working).as("no video check for words that are no edit").isEmpty();
    ChatMessage offer = refused.messages.get(0);
    assertThat(offer.text()).contains("Did you mean: remove the watermark?");
    ChatAction yes = offer.actions().get(0);
    assertThat(yes.kind()).isEqualTo(ChatAction.Kind.ACCEPT_SUGGESTION);
    assertThat(yes.label()).isEqualTo("Yes: remove the watermark");

    Told stranger = new Told();
    Actions.Pressed pressed = Actions.pressed(yes.id());
    handler.handle(Actor.of(bob), ((Actions.Pressed.Run) pressed).command(), stranger);
    assertThat(stranger.text()).contains("no longer open");

    Edit edit =
        handler
            .handle(Actor.of(alice), ((Actions.Pressed.Run) pressed).command(), new Told())
            .orElseThrow();
    assertThat(edit.request().instruction()).isEqualTo("remove the watermark");
    Told again = told(alice, ((Actions.Pressed.Run) pressed).command());
    assertThat(again.text()).contains("no longer open");
  }

  @Test
  void aButtonsFormIsInThePressersLanguage() {
    Edit edit = start();

    Form form = handler.form(alice.withLocale("zh-CN"), ChatAction.Kind.MARK_CELLS, edit.id());

    assertThat(form.title()).isEqualTo("标记 " + edit.id() + " 的格子");
    assertThat(form.label()).isEqualTo("覆盖目标的格子");
    assertThat(form.placeholder()).isEqualTo("C4 D4，或 0.42,0.55；标记其他帧请加 frame:12");
    assertThat(handler.form(alice, ChatAction.Kind.MARK_CELLS, edit.id()).title())
        .isEqualTo("Mark cells of " + edit.id());
  }

  @Test
  void aLineTypedInAChatIsReadAndRefusedInThePersonsLanguage() {
    Told mistyped = new Told();
    handler.handleTyped(Actor.of(alice.withLocale("zh-CN")), "unselect", mistyped);
    Told english = new Told();
    handler.handleTyped(Actor.of(alice), "unselect", english);
    Told file = new Told();
    handler.handleTyped(Actor.of(alice.withLocale("zh-CN")), "edit /etc/passwd remove it", file);

    assertThat(mistyped.text()).startsWith("⚠️ 请说明要取消标记哪些点");
    assertThat(english.text()).startsWith("⚠️ Say which points to unmark");
    assertThat(file.text()).startsWith("⚠️ 请把视频附在一条提及我的消息里").doesNotContain("/etc/passwd");
    assertThat(fixture.edits.recentByUser(Platform.SLACK, alice.serverId(), "alice", 5)).isEmpty();
  }

  /** What {@code who} is told back when asking {@code command}. */
  private Told told(Requester who, EditCommand command) {
    Told told = new Told();
    handler.handle(Actor.of(who), command, told);
    return told;
  }

  private static EditCommand typed(String line) {
    return ((CommandGrammar.Parsed.Command) CommandGrammar.parse(line)).command();
  }

  @Test
  void anAdminChoosesTheServersLanguageAndAPersonsOwnLanguageComesFirst() {
    Requester admin = alice.withAdmin(true);
    Requester english = bob.withLocale("en-US");

    Told notAdmin = told(bob, typed("admin language set zh"));
    assertThat(notAdmin.text()).isEqualTo("⚠️ 🔒 Only admins can use the admin commands.");

    Told french = told(admin, typed("admin language set fr"));
    assertThat(french.text())
        .isEqualTo(
            "⚠️ I don’t speak “fr”. Use `admin language set zh` for Chinese or `admin language set"
                + " en` for English.");

    Told chosen = told(admin, typed("admin language set zh"));
    assertThat(chosen.text()).isEqualTo("✅ 本服务器现在对平台语言不是中文或英文的所有成员使用 **中文**（`zh`）。");

    Told help = told(bob, typed("help"));
    assertThat(help.text())
        .startsWith("🎬 **Kling 视频编辑机器人**：说出想改什么，就能编辑视频。")
        .contains("\n- `select C4 D4`：用网格格子标记要修改的内容")
        .contains("\n- `submit`：把编辑发送给 Kling（消耗额度）")
        .doesNotContain("edit a video by saying")
        .doesNotContain("Commands act on");
    Told quota = told(bob, typed("quota"));
    assertThat(quota.text()).contains("你：今天还剩 5 点（上限 5）").doesNotContain("units left");
    Told settings = told(admin, typed("admin quota"));
    assertThat(settings.text())
        .startsWith("⚙️ **本服务器的额度设置**")
        .contains("（默认）：整个服务器每天可使用的点数")
        .doesNotContain("(default)");
    Told refused = told(bob, typed("admin quota"));
    assertThat(refused.text()).isEqualTo("⚠️ 🔒 只有管理员可以使用管理命令。");

    Told own = told(english, typed("help"));
    assertThat(own.text())
        .startsWith("🎬 **Kling Edit Bot** — edit a video by saying what to change.")
        .doesNotContain("视频");

    Told reset = told(admin, typed("admin language reset"));
    assertThat(reset.text())
        .isEqualTo("✅ This server speaks the bot’s default again: **English** (`en`).");
    Told back = told(bob, typed("help"));
    assertThat(back.text()).startsWith("🎬 **Kling Edit Bot**");
  }
}
