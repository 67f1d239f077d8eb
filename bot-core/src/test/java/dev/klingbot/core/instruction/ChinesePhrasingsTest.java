package dev.klingbot.core.instruction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.AggregateWith;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real Chinese phrasings and exactly what they become. Columns: instruction | attached images |
 * mode | element (removal target or swap original) | replacement | subject | location | prompt.
 */
class ChinesePhrasingsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          删除红衣服的男人 | 0 | REMOVAL | 红衣服的男人 |  |  |  | 删除<<<video_1>>>中的红衣服的男人
          把红衣服的男人删除 | 0 | REMOVAL | 红衣服的男人 |  |  |  | 删除<<<video_1>>>中的红衣服的男人
          去掉水印 | 0 | REMOVAL | 水印 |  |  |  | 删除<<<video_1>>>中的水印
          去除视频里的水印 | 0 | REMOVAL | 水印 |  |  |  | 删除<<<video_1>>>中的水印
          移除画面中的路人 | 0 | REMOVAL | 路人 |  |  |  | 删除<<<video_1>>>中的路人
          抹掉左下角的logo | 0 | REMOVAL | 左下角的logo |  |  |  | 删除<<<video_1>>>中的左下角的logo
          擦掉墙上的字 | 0 | REMOVAL | 墙上的字 |  |  |  | 删除<<<video_1>>>中的墙上的字
          删掉那辆车 | 0 | REMOVAL | 那辆车 |  |  |  | 删除<<<video_1>>>中的那辆车
          把车去掉 | 0 | REMOVAL | 车 |  |  |  | 删除<<<video_1>>>中的车
          让狗消失 | 0 | REMOVAL | 狗 |  |  |  | 删除<<<video_1>>>中的狗
          请帮我删除一下视频中的垃圾桶，谢谢 | 0 | REMOVAL | 垃圾桶 |  |  |  | 删除<<<video_1>>>中的垃圾桶
          麻烦把路灯去掉 | 0 | REMOVAL | 路灯 |  |  |  | 删除<<<video_1>>>中的路灯
          帮我把背景里的人删了 | 0 | REMOVAL | 背景里的人 |  |  |  | 删除<<<video_1>>>中的背景里的人
          红车去掉吧 | 0 | REMOVAL | 红车 |  |  |  | 删除<<<video_1>>>中的红车
          把猫换成狗 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          将猫替换为狗 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          将猫替换成图片中的狗 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          用图片中的狗替换视频里的猫 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          用这张图里的帽子代替男人的帽子 | 1 | SWAP | 男人的帽子 | 帽子 |  |  | 用<<<image_1>>>中的帽子替换<<<video_1>>>中的男人的帽子
          猫换成狗 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          把天空变成日落 | 1 | SWAP | 天空 | 日落 |  |  | 用<<<image_1>>>中的日落替换<<<video_1>>>中的天空
          请把沙发换成图片里的沙发 | 1 | SWAP | 沙发 | 沙发 |  |  | 用<<<image_1>>>中的沙发替换<<<video_1>>>中的沙发
          把猫替换掉 | 1 | SWAP | 猫 | 主体 |  |  | 用<<<image_1>>>中的主体替换<<<video_1>>>中的猫
          在桌子上添加一个花瓶 | 1 | ADDITION |  |  | 一个花瓶 | 桌子上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一个花瓶自然地添加到桌子上
          在沙发上放一只猫 | 1 | ADDITION |  |  | 一只猫 | 沙发上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一只猫自然地添加到沙发上
          给男人加上帽子 | 1 | ADDITION |  |  | 帽子 | 男人 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子自然地添加到男人
          给女孩戴上这顶帽子 | 1 | ADDITION |  |  | 帽子 | 女孩 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子自然地添加到女孩
          把帽子放到男人头上 | 1 | ADDITION |  |  | 帽子 | 男人头上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子自然地添加到男人头上
          添加一只狗 | 1 | ADDITION |  |  | 一只狗 | 画面中 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一只狗自然地添加到画面中
          加一只狗到草地上 | 1 | ADDITION |  |  | 一只狗 | 草地上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一只狗自然地添加到草地上
          在视频里添加一只狗 | 1 | ADDITION |  |  | 一只狗 | 画面中 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一只狗自然地添加到画面中
          桌子上放一个花瓶 | 1 | ADDITION |  |  | 一个花瓶 | 桌子上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一个花瓶自然地添加到桌子上
          把这两个杯子放到桌子上 | 2 | ADDITION |  |  | 两个杯子 | 桌子上 | 参考<<<video_1>>>的画面，将<<<image_1>>>和<<<image_2>>>中的两个杯子自然地添加到桌子上
          把cat换成dog | 1 | SWAP | cat | dog |  |  | 用<<<image_1>>>中的dog替换<<<video_1>>>中的cat
          删除视频里的猫 | 0 | REMOVAL | 猫 |  |  |  | 删除<<<video_1>>>中的猫
          删除视频里的猫 | 1 | REMOVAL | 猫 |  |  |  | 删除<<<video_1>>>中的猫
          去掉 水印 | 0 | REMOVAL | 水印 |  |  |  | 删除<<<video_1>>>中的水印
          请问能不能把猫换成图片里的狗呢 | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          把蛋糕放在桌子上吧 | 1 | ADDITION |  |  | 蛋糕 | 桌子上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的蛋糕自然地添加到桌子上
          给狗穿上这件衣服 | 1 | ADDITION |  |  | 衣服 | 狗 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的衣服自然地添加到狗
          请把猫换成狗，谢谢！ | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          麻烦帮我在桌子上放一个花瓶。 | 1 | ADDITION |  |  | 一个花瓶 | 桌子上 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的一个花瓶自然地添加到桌子上
          能不能把红车删掉？ | 0 | REMOVAL | 红车 |  |  |  | 删除<<<video_1>>>中的红车
          "删除 视频中 的猫" | 0 | REMOVAL | 猫 |  |  |  | 删除<<<video_1>>>中的猫
          "把 猫 换成 狗" | 1 | SWAP | 猫 | 狗 |  |  | 用<<<image_1>>>中的狗替换<<<video_1>>>中的猫
          可以帮我去掉左上角的水印吗 | 0 | REMOVAL | 左上角的水印 |  |  |  | 删除<<<video_1>>>中的左上角的水印
          我想把天空换成图片里的晚霞 | 1 | SWAP | 天空 | 晚霞 |  |  | 用<<<image_1>>>中的晚霞替换<<<video_1>>>中的天空
          帮我给小狗戴上这顶帽子吧 | 1 | ADDITION |  |  | 帽子 | 小狗 | 参考<<<video_1>>>的画面，将<<<image_1>>>中的帽子自然地添加到小狗
          删掉视频里穿红衣服的人 | 0 | REMOVAL | 穿红衣服的人 |  |  |  | 删除<<<video_1>>>中的穿红衣服的人
          将路牌替换成这个 | 1 | SWAP | 路牌 | 主体 |  |  | 用<<<image_1>>>中的主体替换<<<video_1>>>中的路牌
          """)
  void readsPhrasing(@AggregateWith(Phrasing.Columns.class) Phrasing phrasing) {
    phrasing.assertPlannedIn(Language.CHINESE);
  }
}
