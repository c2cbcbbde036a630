import type { CheckMessages } from "./check-messages-type.ts";

/**
 * Messages of the image checks (see check-messages.ts for the conventions). The checks run on every
 * uploaded photo, of a document or a selfie, so the advice stays general. `review` messages let the
 * applicant retake the photo at once, and say that otherwise a person will look at it.
 *
 * The results' params (sizes, limits, measures) are for staff and logs, not interpolated here: limits
 * are configurable, and check-messages.test.ts renders every message with a fixed set of params.
 */
export const imageCheckMessages: CheckMessages = {
  "image.size_within_limit": {
    pass: {
      ja: "写真のファイルサイズに問題はありません。",
      en: "The file size of your photo is fine.",
      "zh-Hans": "照片文件大小符合要求。",
      "zh-Hant": "照片檔案大小符合要求。",
      ko: "사진 파일 크기에 문제가 없습니다.",
      vi: "Kích thước tệp ảnh của bạn hợp lệ.",
    },
    fail: {
      ja: "写真のファイルサイズが大きすぎます。カメラの画質を標準の設定にして撮り直すか、サイズを小さくした写真を、もう一度アップロードしてください。",
      en: "The file of your photo is too large. Please take the photo again with your camera set to its standard resolution, or send a smaller copy, and upload it again.",
      "zh-Hans": "照片文件过大。请将相机分辨率设为标准设置后重新拍摄，或缩小照片文件后，再次上传。",
      "zh-Hant": "照片檔案過大。請將相機解析度設為標準設定後重新拍攝，或縮小照片檔案後，再次上傳。",
      ko: "사진 파일이 너무 큽니다. 카메라 해상도를 기본 설정으로 바꿔 다시 촬영하거나 사진 크기를 줄인 뒤 다시 업로드해 주세요.",
      vi: "Tệp ảnh của bạn quá lớn. Vui lòng chụp lại với độ phân giải tiêu chuẩn của camera, hoặc gửi bản ảnh có kích thước nhỏ hơn, rồi tải lên lại.",
    },
  },
  "image.type_accepted": {
    pass: {
      ja: "受け付け可能な形式の写真です。",
      en: "Your photo is in a format we accept.",
      "zh-Hans": "照片格式符合要求。",
      "zh-Hant": "照片格式符合要求。",
      ko: "접수 가능한 형식의 사진입니다.",
      vi: "Ảnh của bạn có định dạng được chấp nhận.",
    },
    fail: {
      ja: "このファイルは受け付けられる写真ではありません。スマートフォンのカメラで撮影した写真を、JPEG・PNG・WebPのいずれかの形式（PDF、GIF、文書ファイルなどは不可）で、もう一度アップロードしてください。",
      en: "This file is not a photo we can accept. Please upload a photo taken with your phone's camera, as a JPEG, PNG or WebP image (not a PDF, a GIF or a document), and try again.",
      "zh-Hans":
        "此文件不是可接受的照片。请上传用手机相机拍摄的照片，格式为JPEG、PNG或WebP（不接受PDF、GIF或文档文件等），然后重试。",
      "zh-Hant":
        "此檔案不是可接受的照片。請上傳用手機相機拍攝的照片，格式為JPEG、PNG或WebP（不接受PDF、GIF或文件檔等），然後再試一次。",
      ko: "이 파일은 접수할 수 있는 사진이 아닙니다. 휴대폰 카메라로 촬영한 사진을 JPEG, PNG, WebP 형식(PDF, GIF, 문서 파일 등은 불가)으로 다시 업로드해 주세요.",
      vi: "Tệp này không phải là ảnh mà chúng tôi có thể nhận. Vui lòng tải lên ảnh chụp bằng camera điện thoại, ở định dạng JPEG, PNG hoặc WebP (không nhận PDF, GIF hay tệp tài liệu), rồi thử lại.",
    },
  },
  "image.heic_supported": {
    fail: {
      ja: "HEIC形式（iPhoneの標準の形式）の写真は、現在読み取ることができません。JPEG形式の写真をお送りください。iPhoneの場合は「設定」→「カメラ」→「フォーマット」で「互換性優先」を選んでから撮り直し、もう一度アップロードしてください。",
      en: "We cannot read photos in the HEIC format (the iPhone's default) yet. Please send the photo as a JPEG: on an iPhone, choose Settings › Camera › Formats › Most Compatible, then take the photo again and upload it.",
      "zh-Hans":
        "我们目前无法读取HEIC格式（iPhone的默认格式）的照片。请以JPEG格式发送照片：在iPhone上，前往“设置”>“相机”>“格式”，选择“兼容性最佳”，然后重新拍摄并上传。",
      "zh-Hant":
        "我們目前無法讀取HEIC格式（iPhone的預設格式）的照片。請以JPEG格式傳送照片：在iPhone上，前往「設定」>「相機」>「格式」，選擇「最相容」，然後重新拍攝並上傳。",
      ko: "HEIC 형식(iPhone 기본 형식)의 사진은 아직 읽을 수 없습니다. JPEG 형식으로 보내 주세요. iPhone에서는 [설정] > [카메라] > [포맷]에서 ‘높은 호환성’을 선택한 뒤 다시 촬영하여 업로드해 주세요.",
      vi: "Hiện chúng tôi chưa đọc được ảnh định dạng HEIC (định dạng mặc định của iPhone). Vui lòng gửi ảnh ở định dạng JPEG: trên iPhone, vào Cài đặt > Camera > Định dạng, chọn “Tương thích nhất”, rồi chụp lại và tải lên.",
    },
  },
  "image.pixels_within_limit": {
    pass: {
      ja: "写真の画素数は上限内です。",
      en: "The number of pixels in your photo is within our limit.",
      "zh-Hans": "照片像素数在上限之内。",
      "zh-Hant": "照片像素數在上限之內。",
      ko: "사진의 화소 수가 허용 범위 안에 있습니다.",
      vi: "Số điểm ảnh của ảnh nằm trong giới hạn cho phép.",
    },
    fail: {
      ja: "写真の画素数が多すぎるため、処理できません。カメラの画質を標準の設定（高画素モード以外）にして撮り直し、もう一度アップロードしてください。",
      en: "Your photo has too many pixels for us to process. Please set your camera to its standard resolution rather than a high-resolution mode, take the photo again and upload it.",
      "zh-Hans": "照片像素过多，无法处理。请将相机设为标准分辨率（不要使用高像素模式），重新拍摄后再次上传。",
      "zh-Hant": "照片像素過多，無法處理。請將相機設為標準解析度（不要使用高畫素模式），重新拍攝後再次上傳。",
      ko: "사진의 화소 수가 너무 많아 처리할 수 없습니다. 카메라를 고화소 모드가 아닌 기본 해상도로 설정하고 다시 촬영해 업로드해 주세요.",
      vi: "Ảnh có quá nhiều điểm ảnh nên chúng tôi không thể xử lý. Vui lòng đặt camera ở độ phân giải tiêu chuẩn thay vì chế độ độ phân giải cao, chụp lại rồi tải lên.",
    },
  },
  "image.resolution_sufficient": {
    pass: {
      ja: "写真の解像度は十分です。",
      en: "Your photo has enough resolution.",
      "zh-Hans": "照片分辨率足够。",
      "zh-Hant": "照片解析度足夠。",
      ko: "사진 해상도가 충분합니다.",
      vi: "Ảnh của bạn có độ phân giải đủ.",
    },
    fail: {
      ja: "写真が小さすぎて確認できません。スマートフォンのカメラで撮り直し、スクリーンショットや縮小したものではなく、撮影したままの写真をアップロードしてください。",
      en: "Your photo is too small for us to check. Please take the photo again with your phone's camera and upload the original, not a screenshot or a reduced copy.",
      "zh-Hans": "照片尺寸过小，无法确认。请用手机相机重新拍摄，并上传原始照片，而不是截图或缩小后的照片。",
      "zh-Hant": "照片尺寸過小，無法確認。請用手機相機重新拍攝，並上傳原始照片，而不是螢幕截圖或縮小後的照片。",
      ko: "사진이 너무 작아 확인할 수 없습니다. 휴대폰 카메라로 다시 촬영하고, 스크린숏이나 축소한 사진이 아닌 원본 사진을 업로드해 주세요.",
      vi: "Ảnh quá nhỏ nên chúng tôi không thể kiểm tra. Vui lòng chụp lại bằng camera điện thoại và tải lên ảnh gốc, không phải ảnh chụp màn hình hay ảnh đã thu nhỏ.",
    },
  },
  "image.decodable": {
    pass: {
      ja: "写真を正常に読み込めました。",
      en: "Your photo could be opened and read in full.",
      "zh-Hans": "已完整读取您的照片。",
      "zh-Hant": "已完整讀取您的照片。",
      ko: "사진을 정상적으로 읽었습니다.",
      vi: "Chúng tôi đã đọc được toàn bộ ảnh của bạn.",
    },
    fail: {
      ja: "写真を開けませんでした。アップロードが途中で中断されたなどの理由で、ファイルが壊れているか不完全な可能性があります。もう一度アップロードしてください。繰り返し表示される場合は、写真を撮り直してください。",
      en: "We could not open your photo: the file seems damaged or incomplete, perhaps because the upload was interrupted. Please upload the photo again; if this happens again, take a new photo.",
      "zh-Hans":
        "无法打开您的照片：文件可能已损坏或不完整（例如上传中断）。请重新上传照片；如果再次出现此问题，请重新拍摄。",
      "zh-Hant":
        "無法開啟您的照片：檔案可能已損壞或不完整（例如上傳中斷）。請重新上傳照片；如果再次出現此問題，請重新拍攝。",
      ko: "사진을 열 수 없습니다. 업로드가 중간에 끊기는 등의 이유로 파일이 손상되었거나 일부만 전송되었을 수 있습니다. 사진을 다시 업로드해 주시고, 같은 문제가 반복되면 새로 촬영해 주세요.",
      vi: "Chúng tôi không mở được ảnh của bạn: tệp có thể bị hỏng hoặc chưa đầy đủ, chẳng hạn do quá trình tải lên bị gián đoạn. Vui lòng tải ảnh lên lại; nếu vẫn gặp lỗi này, hãy chụp ảnh mới.",
    },
  },
  "image.sharp_enough": {
    pass: {
      ja: "写真はくっきり写っています。",
      en: "Your photo is sharp.",
      "zh-Hans": "照片清晰。",
      "zh-Hant": "照片清晰。",
      ko: "사진이 선명합니다.",
      vi: "Ảnh của bạn rõ nét.",
    },
    review: {
      ja: "写真がぼやけているようです。可能であれば撮り直してください。スマートフォンをしっかり持ち（ひじを机につけるなど）、画面をタップしてピントを合わせ、細かい文字まではっきり写っていることを確認してください。このまま送信された場合は、担当者が読み取れるかを確認し、必要なときは撮り直しをお願いします。",
      en: "Your photo looks blurred. If you can, please take it again: hold your phone steady (for example with your elbows on a table), tap the screen to focus, and check that even small print is sharp. If you send it as it is, our staff will check whether it can be read and ask you for a new photo if needed.",
      "zh-Hans":
        "照片似乎有些模糊。如有可能，请重新拍摄：拿稳手机（例如将手肘放在桌上），点击屏幕对焦，并确认连小字也清晰可见。如果直接提交，工作人员将确认照片能否看清，必要时会请您重新拍摄。",
      "zh-Hant":
        "照片似乎有些模糊。如有可能，請重新拍攝：拿穩手機（例如將手肘靠在桌上），點一下螢幕對焦，並確認連小字也清晰可見。如果直接提交，工作人員將確認照片能否看清，必要時會請您重新拍攝。",
      ko: "사진이 흐릿해 보입니다. 가능하면 다시 촬영해 주세요. 휴대폰을 흔들리지 않게 잡고(팔꿈치를 책상에 대는 등) 화면을 눌러 초점을 맞춘 뒤 작은 글자까지 선명하게 보이는지 확인해 주세요. 그대로 제출하시면 담당 직원이 읽을 수 있는지 확인하고, 필요한 경우 재촬영을 요청드립니다.",
      vi: "Ảnh có vẻ bị mờ. Nếu có thể, vui lòng chụp lại: giữ chắc điện thoại (ví dụ tì khuỷu tay lên bàn), chạm vào màn hình để lấy nét và kiểm tra cả chữ nhỏ cũng hiện rõ. Nếu bạn vẫn gửi ảnh này, nhân viên của chúng tôi sẽ kiểm tra xem có đọc được không và sẽ đề nghị bạn chụp lại nếu cần.",
    },
  },
  "image.no_glare": {
    pass: {
      ja: "写真に光の反射による白飛びは見つかりませんでした。",
      en: "We found no glare on your photo.",
      "zh-Hans": "照片中未发现反光。",
      "zh-Hant": "照片中未發現反光。",
      ko: "사진에서 빛 반사가 발견되지 않았습니다.",
      vi: "Chúng tôi không thấy vùng lóa sáng nào trên ảnh của bạn.",
    },
    review: {
      ja: "写真の一部が光の反射で白くなっていて、その部分が読み取れない可能性があります。可能であれば、フラッシュを使わず明るさが均一な場所で、光が反射しないよう書類を少し傾けて撮り直してください。このまま送信された場合は、担当者が読み取れるかを確認し、必要なときは撮り直しをお願いします。",
      en: "Part of your photo is white with glare, which can hide what is printed there. If you can, please take it again in even light, without flash, tilting the document slightly so that no part of it reflects the light. If you send it as it is, our staff will check whether it can be read and ask you for a new photo if needed.",
      "zh-Hans":
        "照片的一部分因反光而发白，可能导致该处内容无法看清。如有可能，请在光线均匀的地方关闭闪光灯，并将证件稍微倾斜以免反光，然后重新拍摄。如果直接提交，工作人员将确认照片能否看清，必要时会请您重新拍摄。",
      "zh-Hant":
        "照片的一部分因反光而發白，可能導致該處內容無法看清。如有可能，請在光線均勻的地方關閉閃光燈，並將證件稍微傾斜以免反光，然後重新拍攝。如果直接提交，工作人員將確認照片能否看清，必要時會請您重新拍攝。",
      ko: "사진 일부가 빛 반사로 하얗게 보여 그 부분의 내용을 읽지 못할 수 있습니다. 가능하면 플래시를 끄고 빛이 고르게 드는 곳에서, 반사가 생기지 않도록 신분증을 살짝 기울여 다시 촬영해 주세요. 그대로 제출하시면 담당 직원이 읽을 수 있는지 확인하고, 필요한 경우 재촬영을 요청드립니다.",
      vi: "Một phần ảnh bị trắng do lóa sáng, có thể che mất nội dung ở đó. Nếu có thể, vui lòng chụp lại ở nơi ánh sáng đều, không dùng đèn flash, và hơi nghiêng giấy tờ để không bị phản chiếu ánh sáng. Nếu bạn vẫn gửi ảnh này, nhân viên của chúng tôi sẽ kiểm tra xem có đọc được không và sẽ đề nghị bạn chụp lại nếu cần.",
    },
  },
};
