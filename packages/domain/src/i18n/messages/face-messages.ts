import type { CheckMessages } from "./check-messages-type.ts";

/**
 * Messages of the face checks (see check-messages.ts for the conventions): the selfie compared with
 * the face photo stored on the IC chip of the applicant's identity document (method NF_IC_SELFIE).
 * No message shows a param: the results' `params` (a face count, an image format) are for staff.
 */
export const faceCheckMessages: CheckMessages = {
  "face.selfie_readable": {
    pass: {
      ja: "自撮り写真を読み込みました。",
      en: "We were able to open your selfie.",
      "zh-Hans": "已成功读取您的自拍照。",
      "zh-Hant": "已成功讀取您的自拍照。",
      ko: "셀피 사진을 정상적으로 불러왔습니다.",
      vi: "Chúng tôi đã mở được ảnh selfie của bạn.",
    },
    fail: {
      ja: "自撮り写真のファイルを開けませんでした。ファイルが壊れているか、対応していない形式の可能性があります。お手数ですが、もう一度自撮りをして送信してください。",
      en: "We could not open your selfie: the file may be damaged or in a format we cannot read. Please take your selfie again and submit it.",
      "zh-Hans": "无法打开您的自拍照文件，文件可能已损坏或格式无法读取。请重新拍摄自拍照后再次提交。",
      "zh-Hant": "無法開啟您的自拍照檔案，檔案可能已損壞或格式無法讀取。請重新拍攝自拍照後再次提交。",
      ko: "셀피 사진 파일을 열 수 없었습니다. 파일이 손상되었거나 읽을 수 없는 형식일 수 있습니다. 번거로우시겠지만 셀피를 다시 촬영해 제출해 주세요.",
      vi: "Chúng tôi không mở được ảnh selfie của bạn: tệp có thể bị hỏng hoặc có định dạng chúng tôi không đọc được. Vui lòng chụp lại ảnh selfie rồi gửi lại.",
    },
  },
  "face.detected_in_selfie": {
    pass: {
      ja: "自撮り写真からお顔を確認できました。",
      en: "We found your face in your selfie.",
      "zh-Hans": "已在您的自拍照中识别到面部。",
      "zh-Hant": "已在您的自拍照中辨識到臉部。",
      ko: "셀피 사진에서 얼굴을 확인했습니다.",
      vi: "Chúng tôi đã tìm thấy khuôn mặt của bạn trong ảnh selfie.",
    },
    fail: {
      ja: "自撮り写真からお顔を見つけられませんでした。明るい場所でカメラに正面を向き、お顔全体が写るように、マスクやサングラス、髪などで顔が隠れない状態で撮り直して、もう一度送信してください。",
      en: "We could not find a face in your selfie. Please take the selfie again facing the camera in good light, with your whole face in the picture and nothing covering it (such as a mask, sunglasses or hair), and submit again.",
      "zh-Hans":
        "未能在您的自拍照中识别到面部。请在光线充足的地方正对镜头，确保整张脸都在画面中，且没有口罩、墨镜或头发等遮挡，重新拍摄后再次提交。",
      "zh-Hant":
        "未能在您的自拍照中辨識到臉部。請在光線充足的地方正對鏡頭，確保整張臉都在畫面中，且沒有口罩、墨鏡或頭髮等遮擋，重新拍攝後再次提交。",
      ko: "셀피 사진에서 얼굴을 찾지 못했습니다. 밝은 곳에서 카메라를 정면으로 바라보고, 얼굴 전체가 화면에 들어오도록 하며 마스크나 선글라스, 머리카락 등으로 얼굴을 가리지 않은 상태로 다시 촬영해 제출해 주세요.",
      vi: "Chúng tôi không tìm thấy khuôn mặt trong ảnh selfie của bạn. Vui lòng chụp lại ở nơi đủ sáng, nhìn thẳng vào máy ảnh, để toàn bộ khuôn mặt nằm trong khung hình và không bị che (ví dụ bởi khẩu trang, kính râm hay tóc), rồi gửi lại.",
    },
  },
  "face.single_face": {
    pass: {
      ja: "自撮り写真に写っているのは、お一人のお顔だけでした。",
      en: "Only one face appears in your selfie.",
      "zh-Hans": "您的自拍照中只有一张面孔。",
      "zh-Hant": "您的自拍照中只有一張臉。",
      ko: "셀피 사진에는 한 사람의 얼굴만 찍혀 있습니다.",
      vi: "Ảnh selfie của bạn chỉ có một khuôn mặt.",
    },
    review: {
      ja: "自撮り写真に複数のお顔が写っていたため、どのお顔がご本人かを担当者が確認します。このままお待ちください。撮り直しが必要な場合はご連絡します。",
      en: "We found more than one face in your selfie, so our staff will check which one is yours. You do not need to do anything now; if we need a new selfie, we will contact you.",
      "zh-Hans":
        "您的自拍照中识别到多张面孔，工作人员将确认哪一张是您本人。您目前无需进行任何操作；如需重新拍摄，我们会与您联系。",
      "zh-Hant":
        "您的自拍照中辨識到多張臉，工作人員將確認哪一張是您本人。您目前無需進行任何操作；如需重新拍攝，我們會與您聯繫。",
      ko: "셀피 사진에서 여러 사람의 얼굴이 발견되어, 어느 얼굴이 본인인지 담당 직원이 확인할 예정입니다. 지금은 따로 하실 일이 없으며, 다시 촬영이 필요하면 연락드리겠습니다.",
      vi: "Chúng tôi thấy nhiều hơn một khuôn mặt trong ảnh selfie của bạn, nên nhân viên sẽ kiểm tra đâu là khuôn mặt của bạn. Hiện bạn không cần làm gì thêm; nếu cần chụp lại ảnh selfie, chúng tôi sẽ liên hệ với bạn.",
    },
  },
  "face.live": {
    pass: {
      ja: "自撮り写真がその場で撮影されたものかどうかの確認で、問題は見つかりませんでした。",
      en: "Your selfie passed our check that it was taken live with a camera.",
      "zh-Hans": "您的自拍照已通过现场拍摄检查。",
      "zh-Hant": "您的自拍照已通過現場拍攝檢查。",
      ko: "셀피 사진이 카메라로 직접 촬영되었는지 확인하는 검사를 통과했습니다.",
      vi: "Ảnh selfie của bạn đã qua bước kiểm tra chụp trực tiếp bằng máy ảnh.",
    },
    review: {
      ja: "自撮り写真がその場で撮影されたもの（写真や画面を撮影したものではないこと）を自動で確認できませんでした。担当者が確認しますので、このままお待ちください。",
      en: "We could not confirm automatically that your selfie was taken live, rather than of a photo or a screen. Our staff will check it; you do not need to do anything now.",
      "zh-Hans":
        "我们无法自动确认您的自拍照是现场拍摄的（而不是翻拍照片或屏幕）。工作人员将进行确认，您目前无需进行任何操作。",
      "zh-Hant":
        "我們無法自動確認您的自拍照是現場拍攝的（而不是翻拍照片或螢幕）。工作人員將進行確認，您目前無需進行任何操作。",
      ko: "셀피 사진이 사진이나 화면을 찍은 것이 아니라 직접 촬영된 것인지 자동으로 확인하지 못했습니다. 담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Chúng tôi không thể tự động xác nhận ảnh selfie của bạn được chụp trực tiếp, chứ không phải chụp lại từ ảnh hay màn hình. Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
    },
  },
  "face.chip_photo_readable": {
    pass: {
      ja: "本人確認書類のICチップに記録された顔写真を読み込みました。",
      en: "We read the face photo stored on the IC chip of your identity document.",
      "zh-Hans": "已读取您身份证件IC芯片中存储的面部照片。",
      "zh-Hant": "已讀取您身分證件IC晶片中儲存的臉部照片。",
      ko: "신분증 IC칩에 저장된 얼굴 사진을 읽었습니다.",
      vi: "Chúng tôi đã đọc ảnh khuôn mặt lưu trong chip IC của giấy tờ tùy thân của bạn.",
    },
    review: {
      ja: "本人確認書類のICチップに記録された顔写真は、現在は自動で照合できない形式でした。担当者が自撮り写真と見比べて確認しますので、このままお待ちください。",
      en: "The face photo stored on the IC chip of your identity document is in a format we cannot compare automatically yet. Our staff will compare it with your selfie; you do not need to do anything now.",
      "zh-Hans":
        "您身份证件IC芯片中存储的面部照片格式目前无法自动比对。工作人员将把它与您的自拍照进行比对，您目前无需进行任何操作。",
      "zh-Hant":
        "您身分證件IC晶片中儲存的臉部照片格式目前無法自動比對。工作人員將把它與您的自拍照進行比對，您目前無需進行任何操作。",
      ko: "신분증 IC칩에 저장된 얼굴 사진은 현재 자동으로 대조할 수 없는 형식입니다. 담당 직원이 셀피 사진과 비교해 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Ảnh khuôn mặt lưu trong chip IC của giấy tờ tùy thân của bạn có định dạng mà hiện chúng tôi chưa thể tự động đối chiếu. Nhân viên của chúng tôi sẽ so sánh ảnh đó với ảnh selfie của bạn; hiện bạn không cần làm gì thêm.",
    },
  },
  "face.detected_in_chip_photo": {
    pass: {
      ja: "ICチップに記録された顔写真からお顔を確認できました。",
      en: "We found the face in the photo stored on the IC chip.",
      "zh-Hans": "已在IC芯片存储的照片中识别到面部。",
      "zh-Hant": "已在IC晶片儲存的照片中辨識到臉部。",
      ko: "IC칩에 저장된 사진에서 얼굴을 확인했습니다.",
      vi: "Chúng tôi đã tìm thấy khuôn mặt trong ảnh lưu trên chip IC.",
    },
    review: {
      ja: "ICチップに記録された顔写真からお顔を自動で見つけられませんでした。担当者が自撮り写真と見比べて確認しますので、このままお待ちください。",
      en: "We could not find the face automatically in the photo stored on the IC chip. Our staff will compare it with your selfie; you do not need to do anything now.",
      "zh-Hans": "未能在IC芯片存储的照片中自动识别到面部。工作人员将把它与您的自拍照进行比对，您目前无需进行任何操作。",
      "zh-Hant": "未能在IC晶片儲存的照片中自動辨識到臉部。工作人員將把它與您的自拍照進行比對，您目前無需進行任何操作。",
      ko: "IC칩에 저장된 사진에서 얼굴을 자동으로 찾지 못했습니다. 담당 직원이 셀피 사진과 비교해 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Chúng tôi không thể tự động tìm thấy khuôn mặt trong ảnh lưu trên chip IC. Nhân viên của chúng tôi sẽ so sánh ảnh đó với ảnh selfie của bạn; hiện bạn không cần làm gì thêm.",
    },
  },
  "face.matches_chip_photo": {
    pass: {
      ja: "自撮り写真のお顔は、ICチップに記録された顔写真と一致しました。",
      en: "Your selfie matches the face photo stored on the IC chip.",
      "zh-Hans": "您的自拍照与IC芯片中存储的面部照片一致。",
      "zh-Hant": "您的自拍照與IC晶片中儲存的臉部照片一致。",
      ko: "셀피 사진의 얼굴이 IC칩에 저장된 얼굴 사진과 일치합니다.",
      vi: "Ảnh selfie của bạn khớp với ảnh khuôn mặt lưu trên chip IC.",
    },
    fail: {
      ja: "自撮り写真のお顔が、ICチップに記録された顔写真と一致しませんでした。ご本人の本人確認書類を読み取ったかご確認のうえ、明るい場所でカメラに正面を向き、マスクやサングラスなどで顔を隠さずに撮り直して、もう一度送信してください。",
      en: "Your selfie does not match the face photo stored on the IC chip. Please check that you read your own identity document, then take the selfie again facing the camera in good light, with nothing covering your face (such as a mask or sunglasses), and submit again.",
      "zh-Hans":
        "您的自拍照与IC芯片中存储的面部照片不一致。请确认读取的是您本人的身份证件，然后在光线充足的地方正对镜头，不戴口罩或墨镜等遮挡物重新拍摄，再次提交。",
      "zh-Hant":
        "您的自拍照與IC晶片中儲存的臉部照片不一致。請確認讀取的是您本人的身分證件，然後在光線充足的地方正對鏡頭，不戴口罩或墨鏡等遮擋物重新拍攝，再次提交。",
      ko: "셀피 사진의 얼굴이 IC칩에 저장된 얼굴 사진과 일치하지 않습니다. 본인의 신분증을 읽었는지 확인하신 뒤, 밝은 곳에서 카메라를 정면으로 바라보고 마스크나 선글라스 등으로 얼굴을 가리지 않은 상태로 다시 촬영해 제출해 주세요.",
      vi: "Ảnh selfie của bạn không khớp với ảnh khuôn mặt lưu trên chip IC. Vui lòng kiểm tra rằng bạn đã đọc đúng giấy tờ tùy thân của chính mình, rồi chụp lại ảnh selfie ở nơi đủ sáng, nhìn thẳng vào máy ảnh, không để gì che mặt (ví dụ khẩu trang hay kính râm), và gửi lại.",
    },
    review: {
      ja: "自撮り写真のお顔とICチップに記録された顔写真が一致するか、自動では判断できませんでした。担当者が見比べて確認しますので、このままお待ちください。",
      en: "We could not confirm automatically that your selfie matches the face photo stored on the IC chip. Our staff will compare them; you do not need to do anything now.",
      "zh-Hans":
        "我们无法自动确认您的自拍照与IC芯片中存储的面部照片是否一致。工作人员将进行比对，您目前无需进行任何操作。",
      "zh-Hant":
        "我們無法自動確認您的自拍照與IC晶片中儲存的臉部照片是否一致。工作人員將進行比對，您目前無需進行任何操作。",
      ko: "셀피 사진의 얼굴이 IC칩에 저장된 얼굴 사진과 일치하는지 자동으로 판단하지 못했습니다. 담당 직원이 비교해 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Chúng tôi không thể tự động xác nhận ảnh selfie của bạn có khớp với ảnh khuôn mặt lưu trên chip IC hay không. Nhân viên của chúng tôi sẽ so sánh; hiện bạn không cần làm gì thêm.",
    },
  },
};
