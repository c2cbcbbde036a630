import type { CheckMessages } from "./check-messages-type.ts";

/**
 * Messages of the live selfie (the server's liveness challenge, method NF_IC_SELFIE): on fail they
 * say why the capture was not accepted and that a new try starts with a new challenge. No message
 * shows a param: `params` (a frame number, a step) are for staff.
 */
export const livenessCheckMessages: CheckMessages = {
  "liveness.frames_readable": {
    pass: {
      ja: "カメラの映像を読み込みました。",
      en: "We could read the pictures from your camera.",
      "zh-Hans": "已读取您的摄像头画面。",
      "zh-Hant": "已讀取您的相機畫面。",
      ko: "카메라 화면을 불러왔습니다.",
      vi: "Chúng tôi đã đọc được hình ảnh từ camera của bạn.",
    },
    fail: {
      ja: "カメラの映像の一部を読み込めませんでした。もう一度お試しください。",
      en: "Some pictures from your camera could not be read. Please try again.",
      "zh-Hans": "部分摄像头画面无法读取，请重试。",
      "zh-Hant": "部分相機畫面無法讀取，請重試。",
      ko: "카메라 화면 일부를 읽을 수 없었습니다. 다시 시도해 주세요.",
      vi: "Không đọc được một số hình ảnh từ camera của bạn. Vui lòng thử lại.",
    },
  },
  "liveness.fresh_capture": {
    pass: {
      ja: "今撮影された映像であることを確認しました。",
      en: "The pictures were taken just now.",
      "zh-Hans": "已确认画面为刚刚拍摄。",
      "zh-Hant": "已確認畫面為剛剛拍攝。",
      ko: "방금 촬영된 화면임을 확인했습니다.",
      vi: "Hình ảnh vừa được chụp.",
    },
    fail: {
      ja: "以前に送信されたものと同じ映像が含まれていました。録画ではなく、その場でカメラに向かってもう一度お試しください。",
      en: "These pictures were sent before. Please face the camera yourself, live, and try again; recordings are not accepted.",
      "zh-Hans": "画面中含有之前已提交过的内容。请本人现场面对摄像头重试，不接受录像。",
      "zh-Hant": "畫面中含有之前已提交過的內容。請本人現場面對相機重試，不接受錄影。",
      ko: "이전에 보낸 것과 같은 화면이 포함되어 있었습니다. 녹화 영상이 아닌, 본인이 직접 카메라를 보고 다시 시도해 주세요.",
      vi: "Những hình ảnh này đã được gửi trước đó. Vui lòng tự nhìn vào camera, trực tiếp, rồi thử lại; bản ghi hình không được chấp nhận.",
    },
  },
  "liveness.frame_order": {
    pass: {
      ja: "映像は指示の順番どおり、時間内に撮影されました。",
      en: "The pictures were taken in order and in time.",
      "zh-Hans": "画面按顺序在规定时间内拍摄。",
      "zh-Hant": "畫面依順序在規定時間內拍攝。",
      ko: "화면이 순서대로 제한 시간 안에 촬영되었습니다.",
      vi: "Hình ảnh được chụp đúng thứ tự và đúng thời gian.",
    },
    fail: {
      ja: "映像の順番または撮影時間が正しくありませんでした。制限時間内に、画面の指示に従ってもう一度お試しください。",
      en: "The pictures were out of order or too late. Please try again, following the instructions on the screen within the time allowed.",
      "zh-Hans": "画面顺序或拍摄时间不正确。请在限定时间内按照屏幕提示重试。",
      "zh-Hant": "畫面順序或拍攝時間不正確。請在限定時間內依照螢幕提示重試。",
      ko: "화면의 순서나 촬영 시간이 올바르지 않았습니다. 제한 시간 안에 화면 안내에 따라 다시 시도해 주세요.",
      vi: "Hình ảnh sai thứ tự hoặc quá muộn. Vui lòng thử lại, làm theo hướng dẫn trên màn hình trong thời gian cho phép.",
    },
  },
  "liveness.face_found": {
    pass: {
      ja: "すべての手順でお顔を確認できました。",
      en: "We found your face at every step.",
      "zh-Hans": "每个步骤都识别到了您的面部。",
      "zh-Hant": "每個步驟都辨識到了您的臉部。",
      ko: "모든 단계에서 얼굴을 확인했습니다.",
      vi: "Chúng tôi đã thấy khuôn mặt của bạn ở mọi bước.",
    },
    fail: {
      ja: "お顔が写っていない場面がありました。明るい場所で、お顔全体が枠に入るようにして、もう一度お試しください。",
      en: "Your face could not be found in some of the pictures. Please try again in good light, keeping your whole face inside the frame.",
      "zh-Hans": "部分画面中未能识别到您的面部。请在光线充足的地方，让整张脸保持在框内后重试。",
      "zh-Hant": "部分畫面中未能辨識到您的臉部。請在光線充足的地方，讓整張臉保持在框內後重試。",
      ko: "일부 화면에서 얼굴을 찾지 못했습니다. 밝은 곳에서 얼굴 전체가 테두리 안에 들어오도록 하고 다시 시도해 주세요.",
      vi: "Không tìm thấy khuôn mặt của bạn trong một số hình ảnh. Vui lòng thử lại ở nơi đủ sáng, giữ toàn bộ khuôn mặt trong khung.",
    },
  },
  "liveness.single_face": {
    pass: {
      ja: "写っていたのはお一人のお顔だけでした。",
      en: "Only one face was in the pictures.",
      "zh-Hans": "画面中只有一张面孔。",
      "zh-Hant": "畫面中只有一張臉。",
      ko: "화면에는 한 사람의 얼굴만 있었습니다.",
      vi: "Chỉ có một khuôn mặt trong hình ảnh.",
    },
    fail: {
      ja: "複数のお顔が写っていました。ほかの人や写真が写らない場所で、お一人でもう一度お試しください。",
      en: "More than one face was in the pictures. Please try again alone, with no other person or photo in view.",
      "zh-Hans": "画面中出现了多张面孔。请独自一人、在画面中没有其他人或照片的情况下重试。",
      "zh-Hant": "畫面中出現了多張臉。請獨自一人、在畫面中沒有其他人或照片的情況下重試。",
      ko: "화면에 여러 사람의 얼굴이 있었습니다. 다른 사람이나 사진이 보이지 않는 곳에서 혼자 다시 시도해 주세요.",
      vi: "Có nhiều hơn một khuôn mặt trong hình ảnh. Vui lòng thử lại một mình, không có người hay ảnh nào khác trong khung hình.",
    },
  },
  "liveness.same_face": {
    pass: {
      ja: "最初から最後まで同じ方のお顔でした。",
      en: "The same face appeared from start to finish.",
      "zh-Hans": "从头到尾都是同一张面孔。",
      "zh-Hant": "從頭到尾都是同一張臉。",
      ko: "처음부터 끝까지 같은 사람의 얼굴이었습니다.",
      vi: "Cùng một khuôn mặt xuất hiện từ đầu đến cuối.",
    },
    fail: {
      ja: "途中で別の方のお顔に変わりました。お申し込みご本人が、最後までお一人で撮影してください。",
      en: "A different face appeared part of the way through. The applicant must do every step alone, from start to finish.",
      "zh-Hans": "拍摄中途换成了另一张面孔。请申请人本人独自完成全部步骤。",
      "zh-Hant": "拍攝途中換成了另一張臉。請申請人本人獨自完成全部步驟。",
      ko: "도중에 다른 사람의 얼굴로 바뀌었습니다. 신청자 본인이 처음부터 끝까지 혼자 촬영해 주세요.",
      vi: "Một khuôn mặt khác xuất hiện giữa chừng. Người đăng ký phải tự mình thực hiện tất cả các bước từ đầu đến cuối.",
    },
  },
  "liveness.movement": {
    pass: {
      ja: "お顔の動きを確認できました。",
      en: "We saw your face move.",
      "zh-Hans": "已确认您的面部动作。",
      "zh-Hant": "已確認您的臉部動作。",
      ko: "얼굴의 움직임을 확인했습니다.",
      vi: "Chúng tôi đã thấy khuôn mặt của bạn cử động.",
    },
    fail: {
      ja: "お顔がまったく動いていませんでした。写真や画面ではなく、ご本人がカメラに向かい、指示どおりに顔を動かしてください。",
      en: "Your face did not move at all. Please face the camera yourself, not a photo or a screen, and move as the instructions ask.",
      "zh-Hans": "面部完全没有动作。请本人面对摄像头（而不是照片或屏幕），按照提示做出动作。",
      "zh-Hant": "臉部完全沒有動作。請本人面對相機（而不是照片或螢幕），依照提示做出動作。",
      ko: "얼굴이 전혀 움직이지 않았습니다. 사진이나 화면이 아닌 본인이 카메라를 보고 안내에 따라 움직여 주세요.",
      vi: "Khuôn mặt hoàn toàn không cử động. Vui lòng tự nhìn vào camera, không dùng ảnh hay màn hình, và cử động theo hướng dẫn.",
    },
  },
  "liveness.challenge_order": {
    pass: {
      ja: "指示どおりの順番で動作を確認できました。",
      en: "The movements came in the order asked.",
      "zh-Hans": "动作顺序与提示一致。",
      "zh-Hant": "動作順序與提示一致。",
      ko: "요청한 순서대로 동작을 확인했습니다.",
      vi: "Các cử động đúng thứ tự được yêu cầu.",
    },
    fail: {
      ja: "動作の順番が指示と違っていました。画面に表示される指示を一つずつ確認しながら、もう一度お試しください。",
      en: "The movements were not in the order asked. Please try again, doing each instruction as it appears on the screen.",
      "zh-Hans": "动作顺序与提示不一致。请按照屏幕上逐一出现的提示重试。",
      "zh-Hant": "動作順序與提示不一致。請依照螢幕上逐一出現的提示重試。",
      ko: "동작 순서가 안내와 달랐습니다. 화면에 나오는 안내를 하나씩 따라 다시 시도해 주세요.",
      vi: "Các cử động không đúng thứ tự được yêu cầu. Vui lòng thử lại, làm từng hướng dẫn khi nó hiện trên màn hình.",
    },
  },
  "liveness.step_performed": {
    pass: {
      ja: "指示された動作を確認できました。",
      en: "We saw the movement asked for.",
      "zh-Hans": "已确认所要求的动作。",
      "zh-Hant": "已確認所要求的動作。",
      ko: "요청한 동작을 확인했습니다.",
      vi: "Chúng tôi đã thấy cử động được yêu cầu.",
    },
    fail: {
      ja: "指示された動作を確認できませんでした。顔の向きや目の動きがはっきり分かるように、もう一度お試しください。",
      en: "We could not see one of the movements asked for. Please try again, making each movement clearly.",
      "zh-Hans": "未能确认所要求的某个动作。请重试，并清楚地做出每个动作。",
      "zh-Hant": "未能確認所要求的某個動作。請重試，並清楚地做出每個動作。",
      ko: "요청한 동작 중 하나를 확인하지 못했습니다. 각 동작을 분명하게 하며 다시 시도해 주세요.",
      vi: "Chúng tôi không thấy một trong các cử động được yêu cầu. Vui lòng thử lại, làm rõ từng cử động.",
    },
  },
  "liveness.passive_scores": {
    pass: {
      ja: "撮影された映像は、実際のお顔と判断されました。",
      en: "The pictures were judged to show a real face.",
      "zh-Hans": "画面被判定为真实面孔。",
      "zh-Hant": "畫面被判定為真實臉孔。",
      ko: "촬영된 화면은 실제 얼굴로 판단되었습니다.",
      vi: "Hình ảnh được đánh giá là khuôn mặt thật.",
    },
    review: {
      ja: "撮影された映像を担当者が確認します。このままお待ちください。",
      en: "Our staff will look at the pictures. You do not need to do anything now.",
      "zh-Hans": "工作人员将查看拍摄的画面，您目前无需进行任何操作。",
      "zh-Hant": "工作人員將查看拍攝的畫面，您目前無需進行任何操作。",
      ko: "담당 직원이 촬영된 화면을 확인합니다. 지금은 따로 하실 일이 없습니다.",
      vi: "Nhân viên của chúng tôi sẽ xem các hình ảnh. Hiện bạn không cần làm gì thêm.",
    },
  },
};
