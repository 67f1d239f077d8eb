package dev.klingbot.core.instruction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.aggregator.AggregateWith;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real English phrasings and exactly what they become. Columns: instruction | attached images |
 * mode | element (removal target or swap original) | replacement | subject | location | prompt.
 */
class EnglishPhrasingsTest {
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          remove the man in the red jacket | 0 | REMOVAL | the man in the red jacket |  |  |  | Delete the man in the red jacket from <<<video_1>>>
          Remove the man in the red jacket. | 0 | REMOVAL | the man in the red jacket |  |  |  | Delete the man in the red jacket from <<<video_1>>>
          REMOVE THE MAN IN THE RED JACKET | 0 | REMOVAL | THE MAN IN THE RED JACKET |  |  |  | Delete THE MAN IN THE RED JACKET from <<<video_1>>>
          "  remove   the man  in the red   jacket  " | 0 | REMOVAL | the man in the red jacket |  |  |  | Delete the man in the red jacket from <<<video_1>>>
          Could you please get rid of the red car? | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          can you remove the red car from the video | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          please delete the logo | 0 | REMOVAL | the logo |  |  |  | Delete the logo from <<<video_1>>>
          delete the watermark in the bottom right corner pls | 0 | REMOVAL | the watermark in the bottom right corner |  |  |  | Delete the watermark in the bottom right corner from <<<video_1>>>
          erase the logo in the corner | 0 | REMOVAL | the logo in the corner |  |  |  | Delete the logo in the corner from <<<video_1>>>
          make the dog disappear | 0 | REMOVAL | the dog |  |  |  | Delete the dog from <<<video_1>>>
          Make the dog vanish! | 0 | REMOVAL | the dog |  |  |  | Delete the dog from <<<video_1>>>
          make the bird go away | 0 | REMOVAL | the bird |  |  |  | Delete the bird from <<<video_1>>>
          take out the trash can | 0 | REMOVAL | the trash can |  |  |  | Delete the trash can from <<<video_1>>>
          take the trash can out of the shot | 0 | REMOVAL | the trash can |  |  |  | Delete the trash can from <<<video_1>>>
          cut out the boom mic | 0 | REMOVAL | the boom mic |  |  |  | Delete the boom mic from <<<video_1>>>
          wipe out the graffiti on the wall | 0 | REMOVAL | the graffiti on the wall |  |  |  | Delete the graffiti on the wall from <<<video_1>>>
          lose the hat | 0 | REMOVAL | the hat |  |  |  | Delete the hat from <<<video_1>>>
          get rid of the people in the background, thanks | 0 | REMOVAL | the people in the background |  |  |  | Delete the people in the background from <<<video_1>>>
          I'd like you to remove the car | 0 | REMOVAL | the car |  |  |  | Delete the car from <<<video_1>>>
          I want the car removed | 0 | REMOVAL | the car |  |  |  | Delete the car from <<<video_1>>>
          hey bot, remove the lamp post | 0 | REMOVAL | the lamp post |  |  |  | Delete the lamp post from <<<video_1>>>
          hey bot can you get rid of the cyclist for me | 0 | REMOVAL | the cyclist |  |  |  | Delete the cyclist from <<<video_1>>>
          pls erase the text on the sign | 0 | REMOVAL | the text on the sign |  |  |  | Delete the text on the sign from <<<video_1>>>
          remove the car from the clip | 0 | REMOVAL | the car |  |  |  | Delete the car from <<<video_1>>>
          remove the man in the video | 0 | REMOVAL | the man |  |  |  | Delete the man from <<<video_1>>>
          delete the scooter from the footage | 0 | REMOVAL | the scooter |  |  |  | Delete the scooter from <<<video_1>>>
          remove the bench from the scene | 0 | REMOVAL | the bench |  |  |  | Delete the bench from <<<video_1>>>
          eliminate the power lines | 0 | REMOVAL | the power lines |  |  |  | Delete the power lines from <<<video_1>>>
          edit out the crew member | 0 | REMOVAL | the crew member |  |  |  | Delete the crew member from <<<video_1>>>
          the lamp has to go | 0 | REMOVAL | the lamp |  |  |  | Delete the lamp from <<<video_1>>>
          the logo should be removed | 0 | REMOVAL | the logo |  |  |  | Delete the logo from <<<video_1>>>
          remove the car too | 0 | REMOVAL | the car |  |  |  | Delete the car from <<<video_1>>>
          remove the logo completely | 0 | REMOVAL | the logo |  |  |  | Delete the logo from <<<video_1>>>
          remove the man in the picture | 0 | REMOVAL | the man |  |  |  | Delete the man from <<<video_1>>>
          get the dog out of the video | 0 | REMOVAL | the dog |  |  |  | Delete the dog from <<<video_1>>>
          remove “the blue sign” | 0 | REMOVAL | the blue sign |  |  |  | Delete the blue sign from <<<video_1>>>
          remove the man in the red jacket | 1 | REMOVAL | the man in the red jacket |  |  |  | Delete the man in the red jacket from <<<video_1>>>
          swap the cat for the dog in this photo | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          swap the dog in this photo for the cat | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          Swap the cat with the dog | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          swap out the old sofa for the new one | 1 | SWAP | the old sofa | the sofa |  |  | Swap the sofa from <<<image_1>>> for the old sofa from <<<video_1>>>
          swap out the old sofa for the sofa in the picture | 1 | SWAP | the old sofa | the sofa |  |  | Swap the sofa from <<<image_1>>> for the old sofa from <<<video_1>>>
          swap in the dog for the cat | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          replace the red car with the blue truck | 1 | SWAP | the red car | the blue truck |  |  | Swap the blue truck from <<<image_1>>> for the red car from <<<video_1>>>
          Replace the red car by the blue truck. | 1 | SWAP | the red car | the blue truck |  |  | Swap the blue truck from <<<image_1>>> for the red car from <<<video_1>>>
          replace the cat with the dog from the image | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          replace the cat with the one I attached | 1 | SWAP | the cat | the cat |  |  | Swap the cat from <<<image_1>>> for the cat from <<<video_1>>>
          replace the cat with this | 1 | SWAP | the cat | the subject |  |  | Swap the subject from <<<image_1>>> for the cat from <<<video_1>>>
          replace the cat | 1 | SWAP | the cat | the subject |  |  | Swap the subject from <<<image_1>>> for the cat from <<<video_1>>>
          could you replace the sign with the one in the picture please | 1 | SWAP | the sign | the sign |  |  | Swap the sign from <<<image_1>>> for the sign from <<<video_1>>>
          use the hat instead of the cap | 1 | SWAP | the cap | the hat |  |  | Swap the hat from <<<image_1>>> for the cap from <<<video_1>>>
          put the dog in place of the cat | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          change the sky into a sunset | 1 | SWAP | the sky | a sunset |  |  | Swap a sunset from <<<image_1>>> for the sky from <<<video_1>>>
          change the man to a woman | 1 | SWAP | the man | a woman |  |  | Swap a woman from <<<image_1>>> for the man from <<<video_1>>>
          turn the car into a boat | 1 | SWAP | the car | a boat |  |  | Swap a boat from <<<image_1>>> for the car from <<<video_1>>>
          transform the cat into a tiger | 1 | SWAP | the cat | a tiger |  |  | Swap a tiger from <<<image_1>>> for the cat from <<<video_1>>>
          substitute the dog for the cat | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          substitute the cat with the dog | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          the cat -> the dog | 1 | SWAP | the cat | the dog |  |  | Swap the dog from <<<image_1>>> for the cat from <<<video_1>>>
          cat → dog | 1 | SWAP | cat | dog |  |  | Swap dog from <<<image_1>>> for cat from <<<video_1>>>
          the cat should become a dog | 1 | SWAP | the cat | a dog |  |  | Swap a dog from <<<image_1>>> for the cat from <<<video_1>>>
          exchange the red ball for the blue one in the photo | 1 | SWAP | the red ball | the blue one |  |  | Swap the blue one from <<<image_1>>> for the red ball from <<<video_1>>>
          make the cat look like a lion | 1 | SWAP | the cat | a lion |  |  | Swap a lion from <<<image_1>>> for the cat from <<<video_1>>>
          switch the mug with the glass | 1 | SWAP | the mug | the glass |  |  | Swap the glass from <<<image_1>>> for the mug from <<<video_1>>>
          add this hat to the man | 1 | ADDITION |  |  | the hat | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> to the man
          add this hat to the man | 2 | ADDITION |  |  | the hat | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and <<<image_2>>> to the man
          put the sunglasses from the picture on the woman | 1 | ADDITION |  |  | the sunglasses | the woman | Using the context of <<<video_1>>>, seamlessly add the sunglasses from <<<image_1>>> to the woman
          add a dog | 1 | ADDITION |  |  | a dog | the scene | Using the context of <<<video_1>>>, seamlessly add a dog from <<<image_1>>> to the scene
          Add a dog. | 1 | ADDITION |  |  | a dog | the scene | Using the context of <<<video_1>>>, seamlessly add a dog from <<<image_1>>> to the scene
          add the hat and the scarf to the man | 2 | ADDITION |  |  | the hat and the scarf | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and the scarf from <<<image_2>>> to the man
          add the dog from the image to the sofa | 1 | ADDITION |  |  | the dog | the sofa | Using the context of <<<video_1>>>, seamlessly add the dog from <<<image_1>>> to the sofa
          put a vase on the table | 1 | ADDITION |  |  | a vase | the table | Using the context of <<<video_1>>>, seamlessly add a vase from <<<image_1>>> to the table
          place the lamp next to the bed | 1 | ADDITION |  |  | the lamp | the area next to the bed | Using the context of <<<video_1>>>, seamlessly add the lamp from <<<image_1>>> to the area next to the bed
          insert the logo at the bottom right | 1 | ADDITION |  |  | the logo | the bottom right | Using the context of <<<video_1>>>, seamlessly add the logo from <<<image_1>>> to the bottom right
          drop a cat on the couch | 1 | ADDITION |  |  | a cat | the couch | Using the context of <<<video_1>>>, seamlessly add a cat from <<<image_1>>> to the couch
          stick the sticker on the laptop | 1 | ADDITION |  |  | the sticker | the laptop | Using the context of <<<video_1>>>, seamlessly add the sticker from <<<image_1>>> to the laptop
          put a tree behind the house | 1 | ADDITION |  |  | a tree | the area behind the house | Using the context of <<<video_1>>>, seamlessly add a tree from <<<image_1>>> to the area behind the house
          add a flag on top of the building | 1 | ADDITION |  |  | a flag | the top of the building | Using the context of <<<video_1>>>, seamlessly add a flag from <<<image_1>>> to the top of the building
          add a bird in the sky | 1 | ADDITION |  |  | a bird | the sky | Using the context of <<<video_1>>>, seamlessly add a bird from <<<image_1>>> to the sky
          put the hat on the man in the red jacket | 1 | ADDITION |  |  | the hat | the man in the red jacket | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> to the man in the red jacket
          add the dog in the picture | 1 | ADDITION |  |  | the dog | the scene | Using the context of <<<video_1>>>, seamlessly add the dog from <<<image_1>>> to the scene
          add this to the table | 1 | ADDITION |  |  | the subject | the table | Using the context of <<<video_1>>>, seamlessly add the subject from <<<image_1>>> to the table
          include a dog in the scene | 1 | ADDITION |  |  | a dog | the scene | Using the context of <<<video_1>>>, seamlessly add a dog from <<<image_1>>> to the scene
          please add a balloon to the girl's hand, thanks | 1 | ADDITION |  |  | a balloon | the girl's hand | Using the context of <<<video_1>>>, seamlessly add a balloon from <<<image_1>>> to the girl's hand
          could you put the crown from the image on the king's head? | 1 | ADDITION |  |  | the crown | the king's head | Using the context of <<<video_1>>>, seamlessly add the crown from <<<image_1>>> to the king's head
          add a dog to the video | 1 | ADDITION |  |  | a dog | the scene | Using the context of <<<video_1>>>, seamlessly add a dog from <<<image_1>>> to the scene
          give the man a hat | 1 | ADDITION |  |  | a hat | the man | Using the context of <<<video_1>>>, seamlessly add a hat from <<<image_1>>> to the man
          there should be a cat on the sofa | 1 | ADDITION |  |  | a cat | the sofa | Using the context of <<<video_1>>>, seamlessly add a cat from <<<image_1>>> to the sofa
          add a hat in front of the door | 1 | ADDITION |  |  | a hat | the area in front of the door | Using the context of <<<video_1>>>, seamlessly add a hat from <<<image_1>>> to the area in front of the door
          put the hat I attached on the man | 1 | ADDITION |  |  | the hat | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> to the man
          add the hat and scarf from these pictures to the man | 2 | ADDITION |  |  | the hat and scarf | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and the scarf from <<<image_2>>> to the man
          remove 红色的车 | 0 | REMOVAL | 红色的车 |  |  |  | Delete 红色的车 from <<<video_1>>>
          "REPLACE  The   CAT with   the DOG" | 1 | SWAP | The CAT | the DOG |  |  | Swap the DOG from <<<image_1>>> for The CAT from <<<video_1>>>
          Remove the red car!!! | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          remove the red car 🙏 | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          Can u pls remove the red car thx | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          Would you be so kind as to remove the red car? | 0 | REMOVAL | the red car |  |  |  | Delete the red car from <<<video_1>>>
          ok so remove the sign now | 0 | REMOVAL | the sign |  |  |  | Delete the sign from <<<video_1>>>
          remove the snow | 0 | REMOVAL | the snow |  |  |  | Delete the snow from <<<video_1>>>
          put the necklace around the woman's neck | 1 | ADDITION |  |  | the necklace | the woman's neck | Using the context of <<<video_1>>>, seamlessly add the necklace from <<<image_1>>> to the woman's neck
          add a hat to the cat on the sofa | 1 | ADDITION |  |  | a hat | the cat on the sofa | Using the context of <<<video_1>>>, seamlessly add a hat from <<<image_1>>> to the cat on the sofa
          add the hat from image 2 to the man | 2 | ADDITION |  |  | the hat | the man | Using the context of <<<video_1>>>, seamlessly add the hat from <<<image_1>>> and <<<image_2>>> to the man
          add it | 1 | ADDITION |  |  | the subject | the scene | Using the context of <<<video_1>>>, seamlessly add the subject from <<<image_1>>> to the scene
          """)
  void readsPhrasing(@AggregateWith(Phrasing.Columns.class) Phrasing phrasing) {
    phrasing.assertPlannedIn(Language.ENGLISH);
  }
}
