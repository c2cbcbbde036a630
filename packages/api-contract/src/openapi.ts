// Generated from the server's OpenAPI document by scripts/api-types.ts: do not edit.

export interface paths {
    "/announcements.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published notices as an Atom feed; ?lang= picks the language */
        get: operations["announcementsFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is alive */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The server can serve requests (its database answers) */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Published notices in one language, newest first */
        get: operations["listAnnouncements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One notice in one language */
        get: operations["getAnnouncement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applicant/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a sign-in code: the e-mail (or phone, for SMS) given in the application, and its reference if known (the same answer whether they match or not) */
        post: operations["requestApplicantSignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applicant/sign-in/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The same contact and the code open a fresh session on the application (422 sign_in_code_invalid: wrong, used, expired or five wrong tries) */
        post: operations["verifyApplicantSignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an application for a plan */
        post: operations["createApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application's state, what is still needed, and the check results with reasons */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate the line with the one-time code (five wrong codes lock activation) */
        post: operations["activateLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/activation-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a one-time activation code to the application's contact address */
        post: operations["requestActivationCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/applicant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the applicant's particulars (while the application is a draft or needs correction) */
        put: operations["putApplicant"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the application: its line (if any) is released and any deposit refunded */
        post: operations["cancelApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/chip-challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A fresh Active Authentication challenge (8 bytes, single use, 5 minutes): the chip signs it, the chip evidence carries the answer */
        post: operations["issueChipChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The important-matters explanation and the contract to read (with their SHA-256), and whether signed */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/contract/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign: consent to the documents shown (by their SHA-256); the contract is sealed by the operator */
        post: operations["signContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The consent text to read, the payment method on file, and the credit assessment in plain words */
        get: operations["getCredit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/credit/consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Consent to the credit check and the exchange of non-payment information (the text version read) */
        post: operations["giveCreditConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/data-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about the applicant through this application as JSON (particulars, evidence, history, checks, credit queries and answers, payments, documents, line); audited */
        get: operations["exportApplicantData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/deposit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a deposit is owed, how much and why, and where its payment stands */
        get: operations["getDeposit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/deposit/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay the deposit by card (a token from the payment provider's card form; 402 when declined) or at a convenience store (201 with the slip; paid when the store reports it) */
        post: operations["payDeposit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/digital-auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the latest signature through the Digital Authentication App ended (a PC page polls it) */
        get: operations["getDigitalAuthStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/digital-auth/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a My Number card signature (NF_JPKI) through the Digital Authentication App over this application's payload */
        post: operations["startDigitalAuthSignature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every document issued to the application: explanation, contract, signed contract, receipts */
        get: operations["listDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/documents/{documentId}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document as the exact PDF issued (its SHA-256 is in the list) */
        get: operations["downloadDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/esim/qr.png": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The eSIM's QR code (PNG): scan it from the phone's 'add eSIM' screen */
        get: operations["getEsimQrPng"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/esim/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The eSIM's QR code (SVG) */
        get: operations["getEsimQrSvg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/esim/redownload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Download the eSIM again after a failed (or deleted) download: a new QR code replaces the old one */
        post: operations["redownloadEsim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application's history of state changes */
        get: operations["listApplicationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add evidence: the MRZ, an IC chip as read (a reader app's upload, docs/reader-contract.md), a JPKI signature, photos */
        post: operations["addEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A single-use, short-lived hand-off token and the URL for the QR code (never the access token) */
        post: operations["issueHandoffToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/jpki-payload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The exact bytes to sign with the My Number card's signing certificate (then POST .../evidence kind jpki) */
        get: operations["getJpkiPayload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/language": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the application's language (the site's switcher): status texts and later mails follow it */
        put: operations["putApplicationLanguage"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer a liveness challenge with camera frames: the server judges them; a pass becomes the selfie */
        post: operations["submitLiveness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/liveness/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a live selfie: a random sequence of steps, a nonce and a two-minute expiry */
        post: operations["issueLivenessChallenge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/number-port": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The number the application brings from another operator (MNP port-in), and its switch-over */
        get: operations["getPortIn"];
        /** Keep your number (two-stop): the number and its MNP reservation number; the holder at your operator must be you */
        put: operations["registerPortIn"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/number-port/one-stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Keep your number (one-stop): where to send the applicant to confirm at their operator */
        post: operations["startOneStopPortIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/number-port/one-stop/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Back from the operator: the state and code it sent give the reservation */
        post: operations["completeOneStopPortIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/number-port/switch-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Choose when the number switches over (the old line stops when the new SIM is activated) */
        put: operations["scheduleSwitchOver"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/payment-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** How the bills will be paid: a card (token) or a bank account for direct debit (口座振替); checked at once */
        put: operations["setPaymentMethod"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/payments/{paymentId}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The receipt (領収書) for a payment, as a PDF: the same bytes every time (its SHA-256 is in the documents list) */
        get: operations["getPaymentReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/purchase": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a prepaid plan sold online costs (tax included, the tax shown), by when to pay it, and where its payment stands */
        get: operations["getPlanPurchase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/purchase/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pay for a prepaid plan sold online, before its SIM or eSIM is released: by card (402 when declined; paid, the SIM is reserved at once) or at a convenience store (201 with the slip; paid when the store reports it) */
        post: operations["payPlanPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where the physical SIM is: the carrier, the tracking number and the delivery status */
        get: operations["getShipment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit: run the automated checks and decide (approved, in review, correction, rejected) */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Top up an active prepaid line: at a convenience store (the slip: payment number, barcode, deadline) or with a voucher code */
        post: operations["requestTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{reference}/top-ups/{topUpId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A top-up: pending, credited (with the line's new validity) or expired */
        get: operations["getTopUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/digital-auth/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether this server offers signing with the Digital Authentication App */
        get: operations["getDigitalAuthAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/digital-auth/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The redirect URI: the app's answer (code and state, or error) is verified and the browser sent back to the application */
        get: operations["completeDigitalAuthSignature"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/handoff/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a hand-off token, once, for a session on its application (404 handoff_invalid, 410 handoff_used or handoff_expired) */
        post: operations["exchangeHandoffToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/legal-documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The terms of service and the privacy notice in force, with their versions, to accept before submitting */
        get: operations["getLegalDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/packages/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start an application from a package's registration code: plan and SIM come from the package */
        post: operations["registerPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The payment gateway's signed notifications (x-payment-signature: t=…,v1=HMAC-SHA256 over "t.body") */
        post: operations["receivePaymentNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans on sale, with what verification each needs */
        get: operations["listPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/port-out/look-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A registered recipient operator, server to server (Authorization: Bearer <its credential>): a reservation number still valid, and its holder */
        post: operations["lookUpPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/port-out/one-stop/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The subscriber declines another operator's one-stop request: back to it with error=access_denied */
        post: operations["declineOneStopPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/port-out/one-stop/recipient": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One-stop port-out (we are the porting-out operator): the operator that sent the subscriber, if it is registered with this return address */
        get: operations["getOneStopRecipient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/port-out/one-stop/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The recipient operator, server to server (Authorization: Bearer <its credential>): the code it was sent back with, once, for the reservation and the holder */
        post: operations["redeemOneStopPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/port-out/switch-over": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A registered recipient operator, server to server (Authorization: Bearer <its credential>): the number moved to it, our line ends */
        post: operations["switchOverPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/postal-codes/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The prefecture, city and town of a Japanese postal code, from Japan Post's published data */
        get: operations["lookUpPostalCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reader/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The chip reader contract this server keeps: version, hand-off, evidence upload, errors */
        get: operations["getReaderContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/site-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The operator's set-up the site offers from: the chip reader app's store links, the APN, the counters, the operator's contact points */
        get: operations["getSiteConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff accounts */
        get: operations["listStaff"];
        put?: never;
        /** Create a staff account; returns its one-time password and TOTP URI once */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/accounts/{staffId}/disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Disable (ending every session) or re-enable a staff account */
        put: operations["setStaffDisabled"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a notice in all six languages; it is mailed to the subscribers it targets (plans, line types, languages) */
        post: operations["publishAnnouncement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue: oldest first, with SLA age, claims and case tags */
        get: operations["listReviewQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The whole case: particulars, evidence, checks, the decision's explanation, corrections, history */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/activation-unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock activation after five wrong codes, with the reason (audited); the applicant then asks for a new code */
        post: operations["unlockActivation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a case (or renew your claim); one reviewer at a time, until the claim lapses */
        post: operations["claimCase"];
        /** Give up your own claim on a case */
        delete: operations["dropClaim"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/claim/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release whoever's claim is on a case (admins) */
        post: operations["releaseClaim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a claimed case: approve, reject, request_correction, escalate; confirm_override or decline_override (a second senior reviewer) */
        post: operations["decideCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/images/{image}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A face to compare with the particulars: the chip's photo or the selfie (each opening audited) */
        get: operations["getCaseImage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/nonpayment-termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the line for unpaid bills and register the subscriber in the non-payment exchange */
        post: operations["terminateForNonpayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/nonpayment-termination/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The unpaid balance was paid: withdraw the registration from the non-payment exchange */
        post: operations["settleNonpayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/shipment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the application's physical SIM (restricted delivery where the method requires it) */
        post: operations["shipSim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{reference}/termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a line for the operator (a subscriber's request by phone, fraud, an operator decision) */
        post: operations["terminateLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recomputes the audit chain from its first entry and reports whether it holds (entries, head hash) or the first entry that does not; the check itself is audited */
        post: operations["verifyAuditChain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/counter/applications/{reference}/activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Airport counter: activate the line on the spot, the SIM handed over to the person verified */
        post: operations["activateAtCounter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/counter/applications/{reference}/receipt.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Airport counter: the receipt (領収書) for the package's price, in Japanese and the customer's language */
        get: operations["getCounterReceipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/counter/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Airport counter: sell a package and start the customer's application on the counter channel (verification face to face, through the applicant routes with the token returned) */
        post: operations["sellAtCounter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Figures for a period (days in the operator's time zone, at most 366; by default the last 14 up to today): applications per day by channel, the funnel to activation, approval rate, time to decision, top refusal reasons */
        get: operations["getDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/deletion-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deletion requests waiting for a decision, oldest first */
        get: operations["listDeletionRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/deletion-requests/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a deletion request: what a contract in force or the verification record's retention needs is kept (the answer says until when), the rest is crypto-shredded; the subscriber is mailed */
        post: operations["decideDeletionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/holder-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes of holders' particulars by status (pending first come first) */
        get: operations["listHolderChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/holder-changes/{changeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One change: what is on record, what is asked for, the documents, the record's versions (audited) */
        get: operations["getHolderChange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/holder-changes/{changeId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve (a new version of the verification record) or reject (with a reason code) a change */
        post: operations["decideHolderChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/inventory": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock by pool and status: SIM cards, eSIM profiles, phone numbers (voice, data) and lines */
        get: operations["getInventory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/inventory/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add stock from a CSV file; a file with an invalid row imports nothing unless skipInvalid */
        post: operations["importInventory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/lookup/{reference}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Status by reference for the call centre and the counter (personal data masked) */
        get: operations["lookupStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/package-batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest batches, each with its packages counted by status */
        get: operations["listPackageBatches"];
        put?: never;
        /** Make a batch of retail packages for a plan and a channel, each bound to a SIM card or eSIM profile */
        post: operations["createPackageBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/package-batches/{batchId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A batch's plan, channel and packages counted by status */
        get: operations["getPackageBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/package-batches/{batchId}/labels.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batch's label sheet (A4, 24 a page): QR code, registration code, plan in ja/en/zh */
        get: operations["getPackageLabels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/package-batches/{batchId}/packages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batch's registration codes, links and ICCIDs (audited: a code registers the SIM) */
        get: operations["getPackageBatchCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/package-batches/{batchId}/packages.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The batch as CSV: serial, registration code, plan, ICCID, status, registration link */
        get: operations["getPackageBatchCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/packages/{packageId}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a lost, stolen or damaged package: its code stops working */
        post: operations["voidPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/packages/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a package's sale at the counter (the point of sale scans its code) */
        post: operations["sellPackage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (required after the first sign-in with a one-time password) */
        post: operations["changeStaffPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every plan, withdrawn ones too, with whether it is on sale */
        get: operations["listStaffPlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Open or close a plan to new applications, or change its price; applications made keep their plan */
        patch: operations["updatePlan"];
        trace?: never;
    };
    "/v1/staff/police-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Police requests received in a period and their outcomes (re-verified, suspended, awaiting), JSON or CSV */
        get: operations["reportPoliceRequests"];
        put?: never;
        /** Record a police request about a line: the holder gets a letter (PDF in their documents) and a mail asking them to verify again by the deadline */
        post: operations["recordPoliceRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/police-requests/{id}/reverification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify the holder again at a shop counter: the clerk reads the document shown (chip or MRZ); checked as an application at a shop is */
        post: operations["reverifyAtCounter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The verification policies loaded (statutory and house), each version with its dates and content hash, and which are in force on a day */
        get: operations["listPolicies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy's versions, each with its full data as loaded (read-only) */
        get: operations["getPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verification records (本人確認記録) made in a period (UTC days, inclusive), or of one application, decrypted: as JSON a page at a time in the order they were made (nextCursor for the next), or every one as CSV; each answer is audited */
        get: operations["exportVerificationRecords"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/refunds/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refunds owed by bank transfer (konbini cash cannot go back through the till), oldest first */
        get: operations["listTransferRefunds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/refunds/transfers/{paymentId}/paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the operator's bank transfer paid a refund back: the payment is refunded (audited) */
        post: operations["markTransferRefundPaid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in, and the session's CSRF token */
        get: operations["getStaffSession"];
        put?: never;
        /** Sign in with e-mail, password and a TOTP code; sets the session cookie */
        post: operations["staffSignIn"];
        /** Sign out: the session ends on the server and the cookie is cleared */
        delete: operations["staffSignOut"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipping desk: physical SIMs waiting to be sent, and parcels still in transit */
        get: operations["listShippingWork"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/shipments/{trackingNumber}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what the carrier reports: delivered in person, or returned (which blocks activation) */
        post: operations["recordShipmentEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfers of lines (newest first): relationship, what the law and the house asked for, the new holder's case */
        get: operations["listTransfers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every webhook endpoint, oldest first (never their secrets) */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /** Subscribe an integrator's endpoint to event types; the signing secret is shown only in this answer */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/webhooks/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook endpoint (never its secret) */
        get: operations["getWebhookEndpoint"];
        /** Enable or disable an endpoint, or change the event types it receives */
        put: operations["updateWebhookEndpoint"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/webhooks/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's delivery log, newest first, with every attempt */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/webhooks/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again, whatever its status (a new round of attempts, logged as manual) */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/data-export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about the signed-in subscriber as JSON: every application (as the per-application export), lines, documents with their SHA-256, top-ups, notices, deletion requests; audited */
        get: operations["exportSubscriberData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/deletion-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for your personal data to be deleted; compliance decides what the law's retention duty keeps (one open request at a time) */
        post: operations["fileDeletionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/deletion-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of your deletion requests, with the answer: what was deleted, what is kept, why and until when */
        get: operations["getOwnDeletionRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The documents vault: every contract, explanation and receipt issued, each with its SHA-256 */
        get: operations["listSubscriberDocuments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/documents/{documentId}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A document as the exact PDF issued */
        get: operations["downloadSubscriberDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The subscriber's lines (active and ended) */
        get: operations["listSubscriberLines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/holder-changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask to change the holder's name, address or contact details, with the documents the policy in force asks for; a person decides */
        post: operations["requestHolderChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/port-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a line's number to another operator (MNP転出): a reservation number valid 15 days; needs a sign-in within 10 minutes */
        post: operations["requestPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/port-out/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel the line's valid port-out reservation number before another operator uses it: the number and the line stay; needs a sign-in within 10 minutes */
        post: operations["cancelPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/port-out/one-stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The subscriber confirms another operator's one-stop request: a reservation is issued for it and a single-use code goes back to its return address; needs a sign-in within 10 minutes */
        post: operations["confirmOneStopPortOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/reverification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify again, when asked in writing (a police request): the evidence is checked as an application's is; a pass writes the verification record's next version */
        post: operations["reverifyOwnLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/termination": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End one of your lines (解約): off the network at once, any deposit refunded */
        post: operations["terminateOwnLine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/lines/{msisdn}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Transfer one of your lines to someone else (譲渡): they get an application to prove who they are; a reviewer consents */
        post: operations["startLineTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a sign-in code: the line's number (or its application's reference) and the e-mail address on file (the same answer whether they match or not) */
        post: operations["requestSubscriberCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriber/sign-in/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The number (or the reference) and the mailed code give a bearer token (jst_…) for 30 minutes; five wrong codes spend it */
        post: operations["verifySubscriberCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Activation: {
            code: string;
        };
        Announcement: {
            body: string;
            effectiveOn: string | null;
            id: string;
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            publishedAt: string;
            target: {
                languages: string[];
                lineTypes: string[];
                planIds: string[];
            };
            title: string;
        };
        ApplicantSession: {
            /** @description A session on the application (jas_…): send it as 'Authorization: Bearer …' like the access token */
            accessToken: string;
            /** @description When the session ends (APPLICANT_SESSION_HOURS after the sign-in) */
            expiresAt: string;
            /** @description The application the session opens */
            reference: string;
        };
        ApplicantSignInRequest: {
            /**
             * Format: email
             * @description The e-mail address given in the application
             */
            email?: string;
            /** @description The phone number given in the application: the code comes by SMS */
            phone?: string;
            /** @description The application's reference, when the applicant has it (without it, the contact's newest application) */
            reference?: string;
        };
        ApplicantSignInVerify: {
            code: string;
            /**
             * Format: email
             * @description The e-mail address given in the application
             */
            email?: string;
            /** @description The phone number given in the application: the code comes by SMS */
            phone?: string;
            /** @description The application's reference, when the applicant has it (without it, the contact's newest application) */
            reference?: string;
        };
        Application: {
            activation: {
                attemptsRemaining: number;
                locked: boolean;
            };
            /** @description The newest notices that concern this plan and language (up to 3) */
            announcements: {
                body: string;
                effectiveOn: string | null;
                id: string;
                publishedAt: string;
                title: string;
            }[];
            applicant: {
                address?: {
                    city: string;
                    line1: string;
                    line2?: string;
                    postalCode: string;
                    prefecture: string;
                };
                birthDate: string;
                document: {
                    expiryDate: string;
                    issuingCountry: string;
                    number?: string;
                    /** @enum {string} */
                    type: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence";
                };
                name: {
                    family: string;
                    given: string | "";
                    kana?: string;
                    kanji?: string;
                };
                nationality: string;
                /** @enum {string} */
                sex?: "female" | "male" | "unspecified";
            } | null;
            channel: string;
            checks: {
                code: string;
                language: string;
                message: string;
                params?: {
                    [key: string]: string | number;
                };
                /** @enum {string} */
                status: "pass" | "fail" | "review";
            }[];
            contact: {
                email: string;
                phone?: string;
            };
            /** @description What a reviewer asked to be corrected */
            correction: {
                fields: {
                    field: string;
                    label: string;
                }[];
                message: string;
                requestedAt: string;
            } | null;
            createdAt: string;
            /** @description The last automated decision: outcome, the policy pinned, and the checks that decided it */
            decision: {
                at: string;
                outcome: string;
                policy: unknown;
                /** @description The checks that decided, in the applicant's language */
                reasons: {
                    code: string;
                    language: string;
                    message: string;
                    params?: {
                        [key: string]: string | number;
                    };
                    /** @enum {string} */
                    status: "pass" | "fail" | "review";
                }[];
            } | null;
            evidence: {
                kind: string;
            }[];
            /** @enum {string} */
            formFactor: "physical" | "esim";
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            line: {
                esimActivationCode: string | null;
                esimDownload: {
                    at: string | null;
                    /** @description A failed or deleted download can be made again */
                    redownloadOffered: boolean;
                    /** @description The phone's download as the SM-DP+ reported it (ES2+ HandleDownloadProgressInfo) */
                    state: ("downloaded" | "installed" | "enabled" | "disabled" | "deleted" | "failed") | null;
                } | null;
                /** @enum {string} */
                formFactor: "physical" | "esim";
                iccid: string;
                msisdn: string;
                status: string;
            } | null;
            /** @description What is still needed, and from whom */
            needs: {
                field: string;
                reason: string;
            }[];
            planId: string;
            reference: string;
            /** @enum {string} */
            state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
            /** @description The state explained in the applicant's language: what it means, what happens next, how long */
            status: {
                next: string;
                title: string;
                usually: string;
            };
            submittedAt: string | null;
            tags: string[];
            updatedAt: string;
        };
        ApplicationLanguage: {
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
        };
        AuditChainVerification: {
            checkedAt: string;
            /** @description Entries that hold, from the first */
            entries: number;
            /** @description The last entry's hash (hex) */
            headHash: string;
            /** @constant */
            valid: true;
        } | {
            checkedAt: string;
            /** @description Entries that hold, from the first */
            entries: number;
            firstBroken: {
                reason: string;
                seq: number;
            };
            /** @constant */
            valid: false;
        };
        Case: {
            /** @description The terms and privacy notice the applicant accepted on the confirm page, at the last submission */
            acceptance: {
                acceptedAt: string;
                /** @description The language the applicant read them in */
                language: string;
                /** @description The policy pinned by that submission */
                policy: {
                    id: string;
                    version: string;
                };
                /** @description Version of the privacy notice */
                privacy: string;
                /** @description Version of the terms of service */
                terms: string;
            } | null;
            /** @description Wrong activation codes so far; lockedAt: locked after five, until someone unlocks it */
            activation: {
                failures: number;
                lockedAt: string | null;
            };
            applicant: unknown;
            /** @description Whether one reviewer may approve (a method the pinned policy allows is complete), only the four-eyes override (its evidence given, a required check unmet), or nobody until the applicant brings what is missing */
            approval: {
                bring?: {
                    evidence: string[];
                    method: string;
                }[];
                /** @description method_complete: the checks the pinned policy required of the method for this document */
                checks?: string[];
                /** @description The document presented (the form's), whose required checks applied: they may differ by document */
                document: string | null;
                /** @enum {string} */
                kind: "method_complete" | "person_decides" | "evidence_missing";
                method?: string;
                policy: {
                    id: string;
                    version: string;
                };
                unmet?: string[];
            } | null;
            channel: string;
            checks: {
                code: string;
                details: unknown;
                message: string;
                status: string;
            }[];
            claim: {
                displayName: string;
                expiresAt: string;
                staffId: string;
            } | null;
            contact: {
                email: string;
                phone?: string;
            };
            correction: {
                answeredAt: string | null;
                /** @description What the applicant changed in answer */
                changes: {
                    after: unknown;
                    before: unknown;
                    field: string;
                }[];
                fields: {
                    field: string;
                    label: string;
                }[];
                message: string;
                requestedAt: string;
            } | null;
            /** @description Postpaid only: the credit assessment (与信審査) with the figures behind each reason */
            credit: {
                assessment: {
                    assessedAt: string;
                    depositJpy: number;
                    /** @enum {string} */
                    outcome: "approve" | "approve_with_deposit" | "review" | "reject";
                    policy: {
                        id: string;
                        version: string;
                    };
                    reasons: {
                        code: string;
                        depositJpy: number;
                        message: string;
                        outcome: string;
                    }[];
                    seq: number;
                } | null;
                consent: {
                    givenAt: string;
                    language: string;
                    textVersion: string;
                } | null;
                /** @description Decided with the contract's offer; before that, what the deposit rules will ask */
                deposit: {
                    amountJpy: number;
                    decided: boolean;
                    reasons: {
                        code: string;
                        text: string;
                    }[];
                };
                paymentMethod: {
                    display: string;
                    refusalCode: string | null;
                    status: string;
                    type: string;
                } | null;
            } | null;
            /** @description The decision engine's last outcome and the checks that decided it */
            decision: {
                at: string;
                decidedBy: {
                    code: string;
                    consequence: string;
                    message: string;
                    status: string;
                }[];
                outcome: string;
                policy: unknown;
            } | null;
            evidence: {
                at: string;
                id: string;
                kind: string;
            }[];
            flags: {
                correctionReturned: boolean;
                escalated: boolean;
                overrideProposedBy: {
                    displayName: string;
                    staffId: string;
                } | null;
            };
            formFactor: string;
            history: {
                actor: string;
                at: string;
                data: {
                    [key: string]: unknown;
                };
                event: string;
                /** @enum {string} */
                from: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                /** @enum {string} */
                to: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                version: number;
            }[];
            /** @description Faces to open beside the particulars (GET …/images/{image}, audited) */
            images: ("chip_face" | "selfie")[];
            /**
             * @description transfer: the new holder of an existing line (譲渡)
             * @enum {string}
             */
            kind: "new" | "transfer";
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            /** @description The SIM card or eSIM profile assigned to the application, once one is */
            line: {
                /** @enum {string} */
                formFactor: "physical" | "esim";
                iccid: string;
                /** @enum {string} */
                lineType: "voice" | "data";
                /** @description The phone number of a voice line; null for data only */
                msisdn: string | null;
                /** @enum {string} */
                status: "assigned" | "active" | "released";
                /** @description The line once activated: its state (packages/domain/src/line/line-lifecycle.ts) */
                subscription: {
                    /** @description A police request awaiting the holder's re-verification (a counter may answer it) */
                    openPoliceRequestId: string | null;
                    /** @enum {string} */
                    state: "active" | "receive_only" | "suspended" | "police_suspended" | "terminated" | "transferred";
                } | null;
            } | null;
            notes: {
                at: string;
                by: string;
                kind: string;
                note: string;
            }[];
            particularsHistory: {
                at: string;
                contentVersion: number;
                particulars: unknown;
            }[];
            /** @description Deposits, plan purchases and top-ups: what was taken and what was given back */
            payments: {
                amountJpy: number;
                at: string;
                id: string;
                /** @enum {string} */
                kind: "deposit" | "top_up" | "purchase";
                /** @enum {string} */
                method: "card" | "konbini" | "counter";
                refundedJpy: number;
                refundRequestedAt: string | null;
                status: string;
            }[];
            planId: string;
            planKind: string;
            /** @description The number the application brings (MNP port-in), if any */
            portIn: {
                /** @description The previous operator, where known */
                donor: string | null;
                /** @description Why the switch-over failed (state failed) */
                failureCode: string | null;
                /**
                 * @description two_stop: a reservation number given; one_stop: the operator's page
                 * @enum {string}
                 */
                mode: "two_stop" | "one_stop";
                /** @description The number brought from another operator */
                msisdn: string;
                /** @description The reservation number's last valid day (Japan) */
                reservationExpiresOn: string;
                /** @enum {string} */
                state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
                /** @description The switch-over time the applicant chose */
                switchOverAt: string | null;
            } | null;
            /** @description Every call to the network's provisioning API for this application, oldest first */
            provisioning: {
                adapter: string;
                answer: unknown;
                attempts: number;
                error: string | null;
                finishedAt: string | null;
                /** @enum {string} */
                operation: "activate" | "bar_outgoing" | "unbar_outgoing" | "suspend" | "resume" | "terminate" | "change_number" | "cancel_esim_order" | "release_line";
                /** @enum {string} */
                outcome: "pending" | "succeeded" | "failed" | "rolled_back" | "in_doubt" | "reconciled";
                request: unknown;
                startedAt: string;
            }[];
            reference: string;
            /** @description The newest parcel of a physical SIM */
            shipment: {
                carrier: string;
                /** @enum {string} */
                method: "restricted_delivery" | "registered_non_forwardable";
                /** @enum {string} */
                status: "in_transit" | "delivered" | "returned";
                trackingNumber: string;
                trackingUrl: string;
            } | null;
            /** @enum {string} */
            state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
            submittedAt: string | null;
            /** @description What approving consents to: whose line, the relationship, what the law and the house ask */
            transfer: {
                completedAt: string | null;
                fromReference: string;
                msisdn: string;
                relationship: string;
                requirements: {
                    [key: string]: string;
                };
                transferId: string;
            } | null;
            waitingSince: string;
        };
        ContractSignature: {
            /** @constant */
            accept: true;
            documents: {
                contract: string;
                importantMatters: string;
            };
        };
        CounterActivation: {
            iccid: string;
            msisdn: string;
            reference: string;
            /** @constant */
            state: "active";
        };
        CounterSale: {
            /** @description Secret bearer token: the applicant's only key to the application */
            accessToken: string;
            /** @enum {string} */
            formFactor: "physical" | "esim";
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            packageHint: string;
            /** @description The price taken at the counter's till, for the receipt */
            paymentId: string;
            planId: string;
            reference: string;
            /** @constant */
            state: "draft";
        };
        CreateApplication: {
            /**
             * @default online
             * @enum {string}
             */
            channel: "online" | "shop" | "airport_counter" | "retail_package" | "post";
            contact: {
                /** Format: email */
                email: string;
                phone?: string;
            };
            /** @enum {string} */
            formFactor?: "physical" | "esim";
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            planId: string;
        };
        CreatedApplication: {
            /** @description Secret bearer token: the applicant's only key to the application */
            accessToken: string;
            /** @enum {string} */
            formFactor: "physical" | "esim";
            /** @description Human-readable reference, e.g. JT-7K3M-Q9TZ-4 */
            reference: string;
            /** @constant */
            state: "draft";
        };
        CreatePackageBatch: {
            /** @enum {string} */
            channel: "airport" | "konbini" | "shop";
            count: number;
            planId: string;
        };
        CreateWebhookEndpoint: {
            description?: string;
            eventTypes: "application.state_changed"[];
            /** @description http or https; no user name or password in it */
            url: string;
        };
        Credit: {
            /** @description In plain words; never what other carriers registered */
            assessment: {
                assessedAt: string;
                /** @enum {string} */
                outcome: "approve" | "approve_with_deposit" | "review" | "reject";
                reasons: {
                    /** @enum {string} */
                    code: "consent_missing" | "unpaid_elsewhere" | "unpaid_with_us" | "payment_method_none" | "payment_method_bank" | "stay_shorter_than_term" | "stay_ending_soon" | "minor" | "young_applicant" | "many_lines";
                    message: string;
                }[];
                summary: string;
            } | null;
            consent: {
                given: boolean;
                givenAt: string | null;
                language: string;
                /** @description The consent text in the application's language */
                text: string;
                textVersion: string;
            };
            paymentMethod: {
                display: string;
                status: string;
                type: string;
            } | null;
            /** @description Postpaid plans only */
            required: boolean;
        };
        CreditConsent: {
            /** @constant */
            accept: true;
            /** @description The version of the text the applicant read */
            textVersion: string;
        };
        Dashboard: {
            decisions: {
                approvalRate: number | null;
                approved: number;
                rejected: number;
            };
            from: string;
            /** @description Of the applications started in the period, how many got how far */
            funnel: {
                activated: number;
                approved: number;
                started: number;
                submitted: number;
            };
            /** @description Applications started per day (operator's time zone) and channel */
            perDay: {
                channel: string;
                count: number;
                day: string;
            }[];
            rejectionReasons: {
                count: number;
                reason: string;
            }[];
            timeToDecision: {
                decided: number;
                medianHours: number | null;
                p90Hours: number | null;
            };
            /** @description The operator's time zone (OPERATOR_TIME_ZONE), in which days begin and end */
            timeZone: string;
            to: string;
        };
        Decision: {
            note?: string;
            /** @constant */
            type: "approve";
        } | {
            note?: string;
            /** @enum {string} */
            reason: "document_invalid" | "identity_mismatch" | "document_unreadable" | "fraud_suspected" | "not_eligible" | "duplicate_application" | "line_limit_reached" | "correction_not_made" | "other";
            /** @constant */
            type: "reject";
        } | {
            fields: ("name" | "name.kanji" | "name.kana" | "birthDate" | "nationality" | "sex" | "address" | "document.type" | "document.number" | "document.expiryDate" | "document.issuingCountry" | "contact.email" | "contact.phone" | "evidence.mrz" | "evidence.image" | "evidence.selfie" | "evidence.chip" | "evidence.jpki")[];
            /** @description Shown to the applicant as written: write it in their language */
            message: string;
            /** @constant */
            type: "request_correction";
        } | {
            note: string;
            /** @constant */
            type: "escalate";
        } | {
            note?: string;
            /** @constant */
            type: "confirm_override";
        } | {
            note: string;
            /** @constant */
            type: "decline_override";
        };
        Deposit: {
            amountJpy: number;
            /** @constant */
            currency: "JPY";
            /** @description The slip of the konbini payment waiting for the till */
            konbini: components["schemas"]["KonbiniInstructions"] | null;
            payments: components["schemas"]["Payment"][];
            /** @description Why, in the applicant's language */
            reasons: {
                code: string;
                text: string;
            }[];
            reference: string;
            required: boolean;
            /** @enum {string} */
            status: "not_decided" | "not_required" | "due" | "processing" | "paid" | "refunded";
        };
        DigitalAuthStarted: {
            /** @description Send the applicant's browser here: the Digital Authentication App */
            authorizationUrl: string;
            /** @description The applicant must come back before this time */
            expiresAt: string;
        };
        DigitalAuthStatus: {
            /** @description Whether this server offers signing with the Digital Authentication App */
            available: boolean;
            /** @description The signing certificate's particulars when they differ from the form (the applicant may take them) */
            card: {
                address: string;
                birthDate: string;
                name: string;
                /** @enum {string} */
                sex: "male" | "female" | "unspecified";
            } | null;
            /** @description Once signed: the JPKI checks of the signature, in the applicant's language (what differs from the form) */
            checks: {
                code: string;
                language: string;
                message: string;
                /** @enum {string} */
                status: "pass" | "fail" | "review";
            }[];
            /** @description How the latest trip to the app ended (pending: under way; null: none yet) */
            outcome: ("signed" | "checks_failed" | "cancelled" | "pin_incorrect" | "pin_locked" | "card_locked" | "certificate_expired" | "certificate_revoked" | "timeout" | "failed" | "pending") | null;
            /** @description When the latest trip began (a PC page waits for a newer one) */
            startedAt: string | null;
        };
        Document: {
            createdAt: string;
            documentNumber: string;
            id: string;
            /** @enum {string} */
            kind: "important_matters" | "contract" | "signed_contract" | "receipt";
            language: string;
            paymentId: string | null;
            /** @description SHA-256 of the exact PDF issued */
            sha256: string;
            sizeBytes: number;
            /** @description Download with the application's token */
            url: string;
        };
        Evidence: {
            /** @constant */
            kind: "mrz";
            lines: string[];
        } | {
            /** @description Active Authentication (reader contract 1.1): the server checks the signature with DG15's key over its own challenge (send DG15 too) */
            activeAuthentication?: {
                /** @description The challenge from POST .../chip-challenge, as sent to the chip */
                challenge: string;
                /** @description The chip's answer to INTERNAL AUTHENTICATE, as read */
                signature: string;
            };
            /** @description Chip Authentication as the reader ran it (reader contract 1.1): recorded as the reader's report, never as proof */
            chipAuthentication?: {
                /** @description Whether the key agreement and the first secured command succeeded */
                passed: boolean;
                /** @description The CA protocol's object identifier from DG14, e.g. 0.4.0.127.0.7.2.2.3.2.4 */
                protocol: string;
            };
            /** @description Data groups as read, by number: at least 1 (MRZ), and 2 (face) for a selfie match */
            dataGroups: {
                [key: string]: string;
            };
            /** @constant */
            kind: "chip";
            /** @description EF.SOD as read from the chip (tag 77 included) */
            sod: string;
        } | {
            /** @description The signing certificate (DB or DD) */
            certificate: string;
            /** @description The check code (DA, RSA; or DC, ECDSA r‖s) */
            checkCode: string;
            /** @description The face image (tag D1), as read */
            face: string;
            /** @description The card-front image (tag D0), as read */
            front: string;
            /** @constant */
            kind: "residence_card_chip";
        } | {
            /**
             * @description The card's own signature as the counter program checked it: it covers the My Number's hash, which goes nowhere, so the server keeps this as the counter's report
             * @enum {string}
             */
            cardSignature: "valid" | "invalid";
            /** @constant */
            kind: "my_number_card_face";
            /** @description EF 0002 of the card-face input-support application (FF20: name, address, birth date, sex), as read; it holds no My Number */
            particulars: string;
        } | {
            /** @description The signing certificate (needed with a raw signature) */
            certificate?: string;
            /** @constant */
            kind: "jpki";
            /** @description CMS SignedData, or a raw PKCS#1 v1.5 SHA-256 signature, over the bytes of GET .../jpki-payload */
            signature: string;
        } | {
            /** @description JPEG, PNG or WebP; metadata is stripped before storage */
            image: string;
            /** @constant */
            kind: "image";
            /** @enum {string} */
            purpose: "document_front" | "document_back" | "supporting_document";
        } | {
            /** @description JPEG, PNG or WebP of the applicant's face */
            image: string;
            /** @constant */
            kind: "selfie";
        };
        HandoffExchange: {
            /** @description The application the QR code named */
            reference: string;
            /** @description The hand-off token from the QR code's URL (after #) */
            token: string;
        };
        HandoffIssued: {
            /** @description After this the token is refused (HANDOFF_TOKEN_MINUTES after issue) */
            expiresAt: string;
            /** @enum {string} */
            purpose: "chip_reader" | "continue_on_phone";
            /** @description Single-use hand-off token (jho_…); only its SHA-256 is stored */
            token: string;
            /** @description What the QR code shows: PUBLIC_URL/reader/{reference}#token or PUBLIC_URL/continue/{reference}#token */
            url: string;
        };
        HandoffRequest: {
            /**
             * @description chip_reader: a native reader app on the phone reads the IC chip; continue_on_phone: the applicant goes on in the phone's browser
             * @enum {string}
             */
            purpose: "chip_reader" | "continue_on_phone";
        };
        HandoffSession: {
            /** @description A session on this application (jas_…): send it as 'Authorization: Bearer …' like the access token */
            accessToken: string;
            /** @description When the session ends (APPLICANT_SESSION_HOURS after the exchange) */
            expiresAt: string;
            /** @enum {string} */
            purpose: "chip_reader" | "continue_on_phone";
            reference: string;
        };
        HolderChange: {
            /** @description The document in the new name, for the record */
            document?: {
                expiryDate: string;
                issuingCountry: string;
                number?: string;
                /** @enum {string} */
                type: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence";
            };
            evidence?: {
                /** @enum {string} */
                documentType: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence" | "residence_certificate" | "utility_bill" | "tax_certificate";
                /** @description JPEG, PNG or WebP; metadata is stripped before storage */
                image: string;
                /** @description When a supporting document was issued (required for one) */
                issuedOn?: string;
            }[];
            /** @constant */
            kind: "name";
            name: {
                family: string;
                given: string | "";
                kana?: string;
                kanji?: string;
            };
        } | {
            address: {
                city: string;
                line1: string;
                line2?: string;
                postalCode: string;
                prefecture: string;
            };
            evidence?: {
                /** @enum {string} */
                documentType: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence" | "residence_certificate" | "utility_bill" | "tax_certificate";
                /** @description JPEG, PNG or WebP; metadata is stripped before storage */
                image: string;
                /** @description When a supporting document was issued (required for one) */
                issuedOn?: string;
            }[];
            /** @constant */
            kind: "address";
        } | {
            contact: {
                /** Format: email */
                email: string;
                phone?: string;
            };
            evidence?: {
                /** @enum {string} */
                documentType: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence" | "residence_certificate" | "utility_bill" | "tax_certificate";
                /** @description JPEG, PNG or WebP; metadata is stripped before storage */
                image: string;
                /** @description When a supporting document was issued (required for one) */
                issuedOn?: string;
            }[];
            /** @constant */
            kind: "contact";
        };
        InventoryCounts: {
            esimProfiles: {
                assigned: number;
                available: number;
                packaged: number;
                released: number;
            };
            /** @description Lines (a number with a SIM card or eSIM profile) by status */
            lines: {
                active: number;
                assigned: number;
                released: number;
            };
            phoneNumbers: {
                data: {
                    assigned: number;
                    available: number;
                    quarantined: number;
                };
                voice: {
                    assigned: number;
                    available: number;
                    quarantined: number;
                };
            };
            simCards: {
                assigned: number;
                available: number;
                packaged: number;
                retired: number;
            };
        };
        InventoryImport: {
            /** @description The CSV file with its header row: iccid,imsi (sim); msisdn[,lineType] (msisdn); smdpAddress,matchingId,iccid[,confirmationCodeRequired] (esim) */
            csv: string;
            /** @enum {string} */
            kind: "sim" | "msisdn" | "esim";
            /**
             * @description Import the valid rows of a file that has invalid ones (each still reported)
             * @default false
             */
            skipInvalid: boolean;
        };
        InventoryImported: {
            /** @description Every row left out, and why */
            errors: {
                line: number;
                reason: string;
            }[];
            imported: number;
            /** @enum {string} */
            kind: "sim" | "msisdn" | "esim";
            rejected: boolean;
            rows: number;
            skipped: number;
        };
        KonbiniInstructions: {
            /** @description The slip's GS1-128 barcode data (44 digits) */
            barcode: string;
            /** @description Asked for by some chains (確認番号) */
            confirmationNumber: string;
            /** @description Pay before this; afterwards the slip expires and nothing is owed */
            expiresAt: string;
            /** @description Typed at the till or the store's kiosk (払込票番号) */
            paymentNumber: string;
        };
        LegalDocuments: {
            privacy: {
                /** @description The Japanese text governs; English translates it */
                text: {
                    en: string;
                    ja: string;
                };
                /** @description Named when accepting it (POST …/submit, acceptance) */
                version: string;
            };
            terms: {
                /** @description The Japanese text governs; English translates it */
                text: {
                    en: string;
                    ja: string;
                };
                /** @description Named when accepting it (POST …/submit, acceptance) */
                version: string;
            };
        };
        LivenessAnswer: {
            /** @description Frames in the order taken, each with the index of the step shown on screen */
            frames: {
                /** @description Milliseconds since the challenge was received, when the frame was taken */
                at: number;
                /** @description The camera frame as JPEG */
                image: string;
                step: number;
            }[];
            nonce: string;
        };
        LivenessChallenge: {
            challengeId: string;
            /** @description Frames must reach the server before this */
            expiresAt: string;
            issuedAt: string;
            /** @description Send it back with the frames; it answers one challenge once */
            nonce: string;
            /** @description What to ask the applicant, in order: look_straight, then three actions (their own left and right) */
            steps: ("look_straight" | "turn_left" | "turn_right" | "blink" | "closer")[];
        };
        LivenessResult: {
            challengeId: string;
            checks: {
                code: string;
                language: string;
                message: string;
                /** @enum {string} */
                status: "pass" | "fail" | "review";
            }[];
            /** @description The selfie evidence stored on a pass */
            evidenceId: string | null;
            /**
             * @description fail: ask for a new challenge and try again
             * @enum {string}
             */
            outcome: "pass" | "fail";
        };
        PackageBatch: {
            batchId: string;
            /** @enum {string} */
            channel: "airport" | "konbini" | "shop";
            count: number;
            createdAt: string;
            /** @enum {string} */
            formFactor: "physical" | "esim";
            planId: string;
            statuses: {
                [key: string]: number;
            };
        };
        PackageBatchCodes: {
            batchId: string;
            /** @enum {string} */
            channel: "airport" | "konbini" | "shop";
            /** @enum {string} */
            formFactor: "physical" | "esim";
            items: {
                /** @description The registration code as printed on the package */
                code: string;
                iccid: string | null;
                /** @description The registration link its QR code opens */
                link: string;
                serial: number;
                /** @enum {string} */
                status: "in_stock" | "sold" | "registered" | "activated" | "void";
            }[];
            planId: string;
        };
        PackageBatchList: {
            items: components["schemas"]["PackageBatch"][];
        };
        PaidDeposit: {
            /** @description Konbini: what to take to the store */
            konbini?: components["schemas"]["KonbiniInstructions"];
            payment: components["schemas"]["Payment"];
            /** @description The application's state now */
            state: string;
        };
        PaidPlanPurchase: components["schemas"]["PaidDeposit"];
        Particulars: {
            address?: {
                city: string;
                line1: string;
                line2?: string;
                postalCode: string;
                prefecture: string;
            };
            birthDate: string;
            document: {
                expiryDate: string;
                issuingCountry: string;
                number?: string;
                /** @enum {string} */
                type: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence";
            };
            name: {
                family: string;
                given: string | "";
                kana?: string;
                kanji?: string;
            };
            nationality: string;
            /** @enum {string} */
            sex?: "female" | "male" | "unspecified";
        };
        PayDeposit: {
            /** @description The token the payment provider's card form gave; never a card number */
            cardToken: string;
            /** @constant */
            method: "card";
        } | {
            /** @constant */
            method: "konbini";
        };
        Payment: {
            amountJpy: number;
            createdAt: string;
            /** @constant */
            currency: "JPY";
            failureCode: string | null;
            id: string;
            /** @enum {string} */
            kind: "deposit" | "top_up" | "purchase";
            /** @description A PDF receipt, once money was taken */
            receiptUrl: string | null;
            refundedJpy: number;
            /** @enum {string} */
            status: "pending" | "authorized" | "captured" | "declined" | "refunded" | "failed" | "expired";
        };
        PaymentMethod: {
            /** @description The token the payment provider's card form gave; never a card number */
            cardToken: string;
            /** @constant */
            type: "card";
        } | {
            accountNumber: string;
            /** @enum {string} */
            accountType: "ordinary" | "current";
            bankCode: string;
            branchCode: string;
            holderKana: string;
            /** @constant */
            type: "bank";
        };
        PaymentNotificationReceipt: {
            applied: boolean;
            /** @constant */
            received: true;
        };
        PayPlanPurchase: components["schemas"]["PayDeposit"];
        Plan: {
            /** @description Whether the Mobile Phone Improper Use Prevention Act requires verification */
            coveredByLaw: boolean;
            dataGb: number | null;
            formFactors: ("physical" | "esim")[];
            id: string;
            /** @description Prepaid: how the line is kept between top-ups (保号); null for postpaid */
            keepAlive: {
                id: string;
                maximumValidityDays: number;
                receiveOnlyDays: number;
                reminderDaysBefore: number[];
                suspendedDays: number;
                validityPerTopUpDays: number;
            } | null;
            /** @enum {string} */
            kind: "prepaid" | "postpaid";
            minimumTermMonths: number | null;
            name: {
                en: string;
                ja: string;
                ko: string;
                vi: string;
                "zh-Hans": string;
                "zh-Hant": string;
            };
            priceJpy: number;
            services: ("voice" | "sms" | "data")[];
            validityDays: number | null;
        };
        PlanPurchase: {
            /** @description The plan's price, consumption tax included */
            amountJpy: number;
            /** @description The consumption tax (10%) included in amountJpy */
            consumptionTaxJpy: number;
            /** @constant */
            currency: "JPY";
            /** @description The slip of the konbini payment waiting for the till */
            konbini: components["schemas"]["KonbiniInstructions"] | null;
            /** @description Unpaid by then, the application expires */
            payBy: string | null;
            payments: components["schemas"]["Payment"][];
            reference: string;
            /**
             * @description due: pay now; processing: a konbini slip waits for the till; refunding, refunded: given back on cancellation or expiry
             * @enum {string}
             */
            status: "not_due" | "due" | "processing" | "paid" | "refunding" | "refunded";
        };
        PostalCode: {
            /** @description Usually one; a code shared by several towns names each */
            places: {
                /** @description 市区町村, e.g. 千代田区 */
                city: string;
                /** @description As written in Japanese, e.g. 東京都 */
                prefecture: string;
                /** @description JIS X 0401, 01 (北海道) to 47 (沖縄県) */
                prefectureCode: string;
                /** @description 町域, empty where the code covers the whole city */
                town: string;
            }[];
            /** @description The 7 digits */
            postalCode: string;
        };
        Problem: {
            /** @description Stable machine-readable error code */
            code: string;
            detail: string;
            errors?: {
                /** @description What failed, where it has a name (a refused photo's check) */
                code?: string;
                field: string;
                reason: string;
            }[];
            /** @description The first offending field, as a dotted path */
            field?: string;
            instance?: string;
            status: number;
            title: string;
            type: string;
        };
        ReaderContract: {
            /** @description The operator's reader app in the stores (null: none configured) */
            apps: {
                android: string | null;
                ios: string | null;
            };
            errors: {
                code: string;
                readerDoes: string;
                status: number;
            }[];
            evidence: {
                chip: {
                    note: string;
                    recommendedDataGroups: string[];
                    requiredDataGroups: string[];
                };
                idempotencyKey: string;
                kinds: string[];
                method: string;
                /** @description Fields a later minor version adds; refused by this server */
                notYet: string[];
                operationId: string;
                path: string;
            };
            handoff: {
                exchange: {
                    method: string;
                    operationId: string;
                    path: string;
                };
                qrCode: string;
                sessionHours: number;
                singleUse: boolean;
                tokenMinutes: number;
                tokenPrefix: string;
            };
            /** @constant */
            name: "jitsumei-reader";
            openapi: string;
            operations: {
                method: string;
                operationId: string;
                path: string;
                summary: string;
            }[];
            /** @description Hand-off QR codes are on this origin only */
            publicUrl: string;
            /** @description Semantic version of the reader contract (docs/reader-contract.md) */
            version: string;
        };
        RegisteredPackage: {
            /** @description Secret bearer token: the applicant's only key to the application */
            accessToken: string;
            /** @enum {string} */
            formFactor: "physical" | "esim";
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            packageHint: string;
            planId: string;
            reference: string;
            /** @constant */
            state: "draft";
        };
        RegisterPackage: {
            /** @description As printed or typed: case, spaces and hyphens do not matter; O reads as 0, I and L as 1 */
            code: string;
            contact: {
                /** Format: email */
                email: string;
                phone?: string;
            };
            /**
             * @description Default: the browser's Accept-Language, else English
             * @enum {string}
             */
            language?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
        };
        RequestTopUp: {
            /** @constant */
            method: "konbini";
        } | {
            code: string;
            /** @constant */
            method: "voucher";
        };
        RetailPackage: {
            batchId: string;
            channel: string;
            /** @description The code's first group, to find the package by eye */
            codeHint: string;
            packageId: string;
            planId: string;
            serial: number;
            soldAt: string | null;
            /** @enum {string} */
            status: "in_stock" | "sold" | "registered" | "activated" | "void";
        };
        SellPackage: {
            code: string;
        };
        Shipment: {
            /** @description The carrier's code: japan-post (japan-post-simulator outside production) */
            carrier: string;
            createdAt: string;
            deliveredAt: string | null;
            id: string;
            /**
             * @description restricted_delivery: 特定事項伝達型本人限定受取郵便; registered_non_forwardable: 書留 (転送不要)
             * @enum {string}
             */
            method: "restricted_delivery" | "registered_non_forwardable";
            returnedAt: string | null;
            /** @description The carrier's code for why a returned parcel came back */
            returnReason: string | null;
            /** @enum {string} */
            status: "in_transit" | "delivered" | "returned";
            trackingNumber: string;
            /** @description The carrier's tracking page for this parcel (SHIPMENT_TRACKING_URL) */
            trackingUrl: string;
        };
        ShippingWork: {
            /** @description The carrier a SIM sent now is booked with */
            carrier: string;
            /** @description Parcels the carrier has not reported on yet, oldest first */
            inTransit: {
                reference: string;
                shipment: components["schemas"]["Shipment"];
            }[];
            /** @description Physical SIMs assigned and not sent (online and postal applications), oldest first */
            waiting: {
                /** @description The parcel that came back, when this is a second send */
                lastReturned: components["schemas"]["Shipment"] | null;
                /** @enum {string} */
                lineType: "voice" | "data";
                /** @enum {string} */
                method: "restricted_delivery" | "registered_non_forwardable";
                planId: string;
                reference: string;
                waitingSince: string;
            }[];
        };
        SiteConfig: {
            /** @description The access point name phones set for data (APN), where the operator gave one */
            apn: string | null;
            /** @description The operator's chip reader app (docs/reader-contract.md) */
            chipReader: {
                android: string | null;
                /** @description A reader app is configured: the site offers reading the chip online */
                available: boolean;
                ios: string | null;
            };
            /** @description How applicants and subscribers reach the operator: questions, a stopped line, complaints (JITSUMEI_OPERATOR_FILE's contact; null when it gives none, never in production) */
            contact: {
                /** @description A separate complaints desk, where the operator has one */
                complaints: {
                    email: string | null;
                    formUrl: string | null;
                    /** @description In Japan time (JST) */
                    hours: {
                        [key: string]: string;
                    } | null;
                    /** @description By language: ja and en always, others where given */
                    name: {
                        [key: string]: string;
                    };
                    phone: string | null;
                } | null;
                email: string | null;
                formUrl: string | null;
                /** @description The phone's opening hours, in Japan time (JST) */
                hours: {
                    [key: string]: string;
                };
                /** @description By language: ja and en always, others where given */
                operatorName: {
                    [key: string]: string;
                };
                phone: string;
                /** @description Where written complaints go */
                postalAddress: {
                    [key: string]: string;
                };
            } | null;
            counters: {
                /** @description By language: ja and en always, others where given */
                address: {
                    [key: string]: string;
                };
                /** @description The documents whose chip the counter reads */
                documents: ("passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence")[];
                /** @description By language: ja and en always, others where given */
                hours: {
                    [key: string]: string;
                };
                id: string;
                /** @enum {string} */
                kind: "shop" | "airport";
                mapUrl?: string;
                /** @description By language: ja and en always, others where given */
                name: {
                    [key: string]: string;
                };
            }[];
            /** @description Development only: the simulated convenience-store till that pays a konbini slip (null in production) */
            konbiniTill: string | null;
        };
        StaffAccount: {
            disabled: boolean;
            displayName: string;
            email: string;
            id: string;
            mustChangePassword: boolean;
            /** @enum {string} */
            role: "clerk" | "agent" | "reviewer" | "senior_reviewer" | "compliance" | "admin";
        };
        StaffPlan: {
            /** @description Whether new applications may choose the plan (on sale) */
            available: boolean;
            /** @description Whether the Mobile Phone Improper Use Prevention Act requires verification */
            coveredByLaw: boolean;
            dataGb: number | null;
            formFactors: ("physical" | "esim")[];
            id: string;
            /** @description Prepaid: how the line is kept between top-ups (保号); null for postpaid */
            keepAlive: {
                id: string;
                maximumValidityDays: number;
                receiveOnlyDays: number;
                reminderDaysBefore: number[];
                suspendedDays: number;
                validityPerTopUpDays: number;
            } | null;
            /** @enum {string} */
            kind: "prepaid" | "postpaid";
            minimumTermMonths: number | null;
            name: {
                en: string;
                ja: string;
                ko: string;
                vi: string;
                "zh-Hans": string;
                "zh-Hant": string;
            };
            priceJpy: number;
            services: ("voice" | "sms" | "data")[];
            validityDays: number | null;
        };
        StatusLookup: {
            /** @description When five wrong activation codes locked activation; the applicant waits for an unlock */
            activationLockedAt: string | null;
            applicant: {
                birthYear: string | null;
                /** @description Masked */
                email: string;
                /** @description Initials only */
                name: string | null;
                /** @description Last four digits */
                phone: string | null;
            };
            /** @enum {string} */
            language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            planId: string;
            reference: string;
            /** @enum {string} */
            state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
            status: {
                next: string;
                title: string;
                usually: string;
            };
            submittedAt: string | null;
            timeline: {
                at: string;
                event: string;
                state: string;
            }[];
        };
        SubmitApplication: {
            /** @description Recorded with the application and the policy this submission pins; the site always sends it */
            acceptance?: {
                /**
                 * @description The language of the page they were accepted on (recorded as read in it; the application's language becomes it). Without it, the application's language
                 * @enum {string}
                 */
                language?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
                /** @description The version of the privacy notice accepted */
                privacy: string;
                /** @description The version of the terms of service accepted */
                terms: string;
            };
        };
        SubscriberSignInRequest: {
            /** Format: email */
            email: string;
            /** @description The line's number (or give reference instead) */
            msisdn?: string;
            /** @description The reference of the application the line came from (JT-…, in every mail and on the status page), instead of msisdn: a data-only line's holder has no number to give */
            reference?: string;
        };
        SubscriberSignInVerify: {
            code: string;
            /** @description The line's number (or give reference instead) */
            msisdn?: string;
            /** @description The reference of the application the line came from (JT-…, in every mail and on the status page), instead of msisdn: a data-only line's holder has no number to give */
            reference?: string;
        };
        TopUp: {
            amountJpy: number;
            id: string;
            konbini: components["schemas"]["KonbiniInstructions"] | null;
            paymentId: string | null;
            paymentStatus: ("pending" | "authorized" | "captured" | "declined" | "refunded" | "failed" | "expired") | null;
            /** @enum {string} */
            status: "pending" | "credited" | "expired";
            validityDays: number;
            /** @description The line's validity after this top-up was credited */
            validUntil: string | null;
        };
        TransferRefund: {
            amountJpy: number;
            /** @enum {string} */
            kind: "deposit" | "top_up" | "purchase";
            /** @description When the refund was found to need a bank transfer */
            owedSince: string;
            /** @description When the applicant's payment was made */
            paidAt: string;
            paymentId: string;
            reference: string;
            transferredAt: string | null;
            transferReference: string | null;
        };
        TransferRefundList: {
            items: components["schemas"]["TransferRefund"][];
        };
        TransferRefundPaid: {
            transferReference: string;
        };
        UpdatePlan: {
            /** @description Open (true) or closed (false) to new applications */
            available?: boolean;
            priceJpy?: number;
        };
        UpdateWebhookEndpoint: {
            description?: string;
            /** @description false stops deliveries to the endpoint; pending ones fail */
            enabled?: boolean;
            eventTypes?: "application.state_changed"[];
        };
        VerificationRecord: {
            acceptance?: {
                [key: string]: unknown;
            };
            amendment?: {
                [key: string]: unknown;
            };
            /** @description The checks the pinned policy required of the method for the document, as they ended; reportedBy: reader where the counter program, not the server, vouched (records written before this field have none) */
            checks?: {
                code: string;
                /** @constant */
                reportedBy?: "reader";
                status: string;
            }[];
            document: {
                expiryDate: string;
                issuingCountry: string;
                number: string | null;
                numberNotRecordedBecause: string | null;
                type: string;
            };
            legalHold: boolean;
            lines: {
                count: number;
                phoneNumbers: string[];
            };
            method: string;
            particulars: {
                address: {
                    [key: string]: unknown;
                } | null;
                birthDate: string;
                name: {
                    family: string;
                    given: string;
                    kana?: string;
                    kanji?: string;
                };
            };
            policy: {
                contentHash: string;
                id: string;
                version: string;
            };
            postalTrackingNumber: string | null;
            /** @description Why this version was written: contract, holder_change, transferred_away, … */
            reason: string;
            recordedAt: string;
            recordedBy: string;
            recordId: string;
            reference: string;
            supersedes: string | null;
            transferredFrom?: {
                [key: string]: unknown;
            };
            transferredTo?: {
                [key: string]: unknown;
            };
            verifiedAt: string;
            verifiedBy: string;
            version: number;
        };
        VoidPackage: {
            /** @enum {string} */
            reason: "lost" | "stolen" | "damaged" | "returned_unsold" | "recalled";
        };
        WebhookDelivery: {
            attempts: {
                at: string;
                attempt: number;
                durationMs: number;
                error: string | null;
                /** @description made because someone asked for a re-delivery */
                manual: boolean;
                /** @description null when no answer came */
                statusCode: number | null;
            }[];
            createdAt: string;
            deliveredAt: string | null;
            /** @description The webhook-id header sent */
            eventId: string;
            eventType: string;
            id: string;
            lastError: string | null;
            lastStatusCode: number | null;
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
        };
        WebhookEndpoint: {
            createdAt: string;
            createdBy: string;
            description: string;
            disabledAt: string | null;
            enabled: boolean;
            eventTypes: "application.state_changed"[];
            id: string;
            url: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    announcementsFeed: {
        parameters: {
            query?: {
                lang?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Atom feed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/atom+xml": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        database: string;
                        /** @constant */
                        status: "ready";
                    };
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAnnouncements: {
        parameters: {
            query?: {
                lang?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Notices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Announcement"][];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAnnouncement: {
        parameters: {
            query?: {
                lang?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The notice */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Announcement"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestApplicantSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantSignInRequest"];
            };
        };
        responses: {
            /** @description If they match an application, a six-digit code valid for 10 minutes was sent to that contact */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        sent: true;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyApplicantSignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicantSignInVerify"];
            };
        };
        responses: {
            /** @description Signed in */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicantSession"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApplication: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApplication"];
            };
        };
        responses: {
            /** @description Created; keep the access token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApplication"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateLine: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Activation"];
            };
        };
        responses: {
            /** @description The line works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        iccid: string;
                        /** @description The line's phone number */
                        msisdn: string;
                        reference: string;
                        /** @constant */
                        state: "active";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestActivationCode: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The code is on its way */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        /** @description The masked address the code was sent to */
                        sentTo: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApplicant: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Particulars"];
            };
        };
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueChipChallenge: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 8 random bytes, base64: send them to the chip in INTERNAL AUTHENTICATE */
                        challenge: string;
                        /** @description Upload the chip's answer before this time; the upload uses the challenge up */
                        expiresAt: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        documents: components["schemas"]["Document"][];
                        signed: boolean;
                        /** @enum {string} */
                        state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    signContract: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractSignature"];
            };
        };
        responses: {
            /** @description Signed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signedContract: components["schemas"]["Document"];
                        /** @enum {string} */
                        state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCredit: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credit step */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Credit"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    giveCreditConsent: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditConsent"];
            };
        };
        responses: {
            /** @description Consent recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        givenAt: string;
                        /** @description The application was in review: its credit was assessed again at once */
                        reassessed: boolean;
                        textVersion: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportApplicantData: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (format jitsumei-applicant-data/1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDeposit: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deposit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deposit"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payDeposit: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayDeposit"];
            };
        };
        responses: {
            /** @description Already paid (nothing was charged again) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaidDeposit"];
                };
            };
            /** @description Card: paid, the application is ready for its SIM. Konbini: the slip to pay at the store */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaidDeposit"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDigitalAuthStatus: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigitalAuthStatus"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startDigitalAuthSignature: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Send the browser to authorizationUrl */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigitalAuthStarted"];
                };
            };
            /** @description Not offered here, or the application can no longer change */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The particulars are not given yet */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The Digital Authentication App service refused */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDocuments: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        documents: components["schemas"]["Document"][];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadDocument: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                documentId: string;
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEsimQrPng: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A PNG QR code of the SGP.22 activation code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getEsimQrSvg: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An SVG QR code of the SGP.22 activation code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redownloadEsim: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new order is on its way; the status page shows the new QR code */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApplicationEvents: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of events, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            actor: string;
                            at: string;
                            data: {
                                [key: string]: unknown;
                            };
                            event: string;
                            /** @enum {string} */
                            from: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                            /** @enum {string} */
                            to: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                            version: number;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addEvidence: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Evidence"];
            };
        };
        responses: {
            /** @description Accepted */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            code: string;
                            language: string;
                            message: string;
                            /** @enum {string} */
                            status: "pass" | "fail" | "review";
                        }[];
                        format?: string;
                        id: string;
                        kind: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueHandoffToken: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffRequest"];
            };
        };
        responses: {
            /** @description Issued; show `url` as a QR code */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffIssued"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getJpkiPayload: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What to sign */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description base64 of the exact bytes to sign */
                        payload: string;
                        sha256: string;
                        /** @description The same bytes as text (canonical JSON), to show the applicant */
                        text: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    putApplicationLanguage: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationLanguage"];
            };
        };
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitLiveness: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LivenessAnswer"];
            };
        };
        responses: {
            /** @description The judgement, explained in the applicant's language */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResult"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueLivenessChallenge: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The challenge */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessChallenge"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPortIn: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The number the application brings, if any */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        portIn: {
                            /** @description The operator the number comes from */
                            donor: string;
                            failure: {
                                code: string;
                                /** @description What happened and what to do, in the applicant's language */
                                explanation: string;
                            } | null;
                            /** @enum {string} */
                            mode: "two_stop" | "one_stop";
                            msisdn: string;
                            /** @description The reservation number's last valid day (Japan) */
                            reservationExpiresOn: string;
                            /** @enum {string} */
                            state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
                            switchOverAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerPortIn: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The mobile number to keep, e.g. 090-1234-5678 */
                    msisdn: string;
                    /** @description The 10-digit MNP reservation number (MNP予約番号) */
                    reservationNumber: string;
                };
            };
        };
        responses: {
            /** @description The number the application brings, if any */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        portIn: {
                            /** @description The operator the number comes from */
                            donor: string;
                            failure: {
                                code: string;
                                /** @description What happened and what to do, in the applicant's language */
                                explanation: string;
                            } | null;
                            /** @enum {string} */
                            mode: "two_stop" | "one_stop";
                            msisdn: string;
                            /** @description The reservation number's last valid day (Japan) */
                            reservationExpiresOn: string;
                            /** @enum {string} */
                            state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
                            switchOverAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startOneStopPortIn: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The mobile number to keep, e.g. 090-1234-5678 */
                    msisdn: string;
                };
            };
        };
        responses: {
            /** @description Open redirectUrl */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redirectUrl: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeOneStopPortIn: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    state: string;
                };
            };
        };
        responses: {
            /** @description The number the application brings, if any */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        portIn: {
                            /** @description The operator the number comes from */
                            donor: string;
                            failure: {
                                code: string;
                                /** @description What happened and what to do, in the applicant's language */
                                explanation: string;
                            } | null;
                            /** @enum {string} */
                            mode: "two_stop" | "one_stop";
                            msisdn: string;
                            /** @description The reservation number's last valid day (Japan) */
                            reservationExpiresOn: string;
                            /** @enum {string} */
                            state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
                            switchOverAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    scheduleSwitchOver: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    at: string;
                };
            };
        };
        responses: {
            /** @description The number the application brings, if any */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        portIn: {
                            /** @description The operator the number comes from */
                            donor: string;
                            failure: {
                                code: string;
                                /** @description What happened and what to do, in the applicant's language */
                                explanation: string;
                            } | null;
                            /** @enum {string} */
                            mode: "two_stop" | "one_stop";
                            msisdn: string;
                            /** @description The reservation number's last valid day (Japan) */
                            reservationExpiresOn: string;
                            /** @enum {string} */
                            state: "reserved" | "scheduled" | "completed" | "failed" | "cancelled";
                            switchOverAt: string | null;
                        } | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPaymentMethod: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentMethod"];
            };
        };
        responses: {
            /** @description Confirmed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        display: string;
                        /** @constant */
                        status: "verified";
                        /** @enum {string} */
                        type: "card" | "bank";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPaymentReceipt: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                paymentId: string;
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPlanPurchase: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plan's purchase */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanPurchase"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    payPlanPurchase: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PayPlanPurchase"];
            };
        };
        responses: {
            /** @description Already paid (nothing was charged again) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaidPlanPurchase"];
                };
            };
            /** @description Card: paid, the SIM or eSIM is reserved. Konbini: the slip to pay at the store */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaidPlanPurchase"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getShipment: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest shipment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SubmitApplication"];
            };
        };
        responses: {
            /** @description The application */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestTopUp: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestTopUp"];
            };
        };
        responses: {
            /** @description The top-up: pending (konbini) or credited (voucher) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUp"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTopUp: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <accessToken> of the application */
                Authorization: string;
            };
            path: {
                reference: string;
                topUpId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The top-up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUp"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDigitalAuthAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Offered or not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        available: boolean;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    completeDigitalAuthSignature: {
        parameters: {
            query?: {
                code?: string;
                error?: string;
                error_description?: string;
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back to the application's page, with the outcome in digitalAuth= */
            303: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The state is unknown or was already used */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exchangeHandoffToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HandoffExchange"];
            };
        };
        responses: {
            /** @description A session on the application */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffSession"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getLegalDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The two texts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LegalDocuments"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerPackage: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterPackage"];
            };
        };
        responses: {
            /** @description Created; keep the access token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredPackage"];
                };
            };
            /** @description The code was already used, or the package is void */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The code is mistyped or unknown (reason, and a message in the applicant's language) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many wrong codes from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receivePaymentNotification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentNotificationReceipt"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPlans: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Plan"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookUpPortOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    msisdn: string;
                    reservationNumber: string;
                };
            };
        };
        responses: {
            /** @description The reservation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The porting-out operator (us) */
                        donor: string;
                        /** @description The reservation number's last valid day (Japan) */
                        expiresOn: string;
                        holder: {
                            birthDate: string;
                            kana?: string;
                            name: string;
                        };
                        msisdn: string;
                        reservationNumber: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineOneStopPortOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The recipient operator's registered id */
                    recipient: string;
                    /** @description Where the recipient asked its customer to be sent back */
                    returnUrl: string;
                    /** @description The recipient's opaque state, sent back unchanged */
                    state: string;
                };
            };
        };
        responses: {
            /** @description Send the browser to redirectUrl */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redirectUrl: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOneStopRecipient: {
        parameters: {
            query: {
                recipient: string;
                returnUrl: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Registered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        name: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeemOneStopPortOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The reservation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The porting-out operator (us) */
                        donor: string;
                        /** @description The reservation number's last valid day (Japan) */
                        expiresOn: string;
                        holder: {
                            birthDate: string;
                            kana?: string;
                            name: string;
                        };
                        msisdn: string;
                        reservationNumber: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    switchOverPortOut: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    msisdn: string;
                    reservationNumber: string;
                };
            };
        };
        responses: {
            /** @description Our line ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        portRef: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookUpPostalCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The places the code names */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostalCode"];
                };
            };
            /** @description No such postal code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not 7 digits */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReaderContract: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReaderContract"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSiteConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The set-up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SiteConfig"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Accounts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffAccount"][];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** Format: email */
                    email: string;
                    /** @enum {string} */
                    role: "clerk" | "agent" | "reviewer" | "senior_reviewer" | "compliance" | "admin";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["StaffAccount"];
                        /** @description Shown once; the new member changes it at first sign-in */
                        oneTimePassword: string;
                        /** @description otpauth:// URI for the authenticator app; shown once */
                        totpUri: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setStaffDisabled: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disabled: boolean;
                };
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffAccount"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishAnnouncement: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: {
                        en: string;
                        ja: string;
                        ko: string;
                        vi: string;
                        "zh-Hans": string;
                        "zh-Hant": string;
                    };
                    /** @default null */
                    effectiveOn?: string | null;
                    /**
                     * @default {
                     *       "planIds": [],
                     *       "lineTypes": [],
                     *       "languages": []
                     *     }
                     */
                    target?: {
                        /** @default [] */
                        languages?: ("ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi")[];
                        /** @default [] */
                        lineTypes?: ("voice" | "data")[];
                        /** @default [] */
                        planIds?: string[];
                    };
                    title: {
                        en: string;
                        ja: string;
                        ko: string;
                        vi: string;
                        "zh-Hans": string;
                        "zh-Hant": string;
                    };
                };
            };
        };
        responses: {
            /** @description Published */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        publishedAt: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviewQueue: {
        parameters: {
            query?: {
                assignee?: "me" | "none" | string;
                cursor?: string;
                language?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
                limit?: number;
                overdueOnly?: "true" | "false";
                state?: string;
                tag?: "escalated" | "override_pending" | "correction_returned" | "failed_checks" | "overdue";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of cases */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            ageHours: number;
                            claim: {
                                displayName: string;
                                expiresAt: string;
                                staffId: string;
                            } | null;
                            overdue: boolean;
                            planId: string;
                            planKind: string;
                            reference: string;
                            slaDueAt: string;
                            /** @enum {string} */
                            state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                            submittedAt: string | null;
                            tags: ("escalated" | "override_pending" | "correction_returned" | "failed_checks" | "overdue")[];
                            waitingSince: string;
                        }[];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: {
                language?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            };
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The case */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unlockActivation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the lock is lifted, e.g. how the caller was identified; kept encrypted as a case note */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Unlocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        activationLocked: false;
                        reference: string;
                    };
                };
            };
            /** @description Activation is not locked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    claimCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Claimed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        reference: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    dropClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Released (or there was no claim) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    releaseClaim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Released (or there was no claim) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideCase: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Decision"];
            };
        };
        responses: {
            /** @description The event was applied */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        event: string;
                        /** @description The approval waits for a second senior reviewer */
                        overridePending: boolean;
                        reference: string;
                        /** @enum {string} */
                        state: "draft" | "checking" | "in_review" | "override_pending" | "correction_requested" | "approved" | "contract_pending" | "deposit_pending" | "payment_pending" | "ready_to_issue" | "sim_assigned" | "in_delivery" | "delivered" | "active" | "rejected" | "cancelled" | "expired";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCaseImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                image: string;
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image as stored (JPEG; a chip's may be JPEG 2000) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                };
            };
            /** @description The application has no such image */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    terminateForNonpayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    unpaidJpy: number;
                };
            };
        };
        responses: {
            /** @description Ended; the exchange registration is queued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    settleNonpayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    paidJpy: number;
                };
            };
        };
        responses: {
            /** @description Settled; the withdrawal is queued */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipSim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Booked with the carrier */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    terminateLine: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    reason: "subscriber_request" | "fraud" | "operator_decision";
                };
            };
        };
        responses: {
            /** @description Ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endedAt: string;
                        msisdn: string;
                        /** @description When the verification record is destroyed (the Act keeps it 3 years) */
                        purgeAfter: string | null;
                        reference: string;
                        /** @description Deposits being refunded */
                        refundsQueued: number;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The result of the check */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainVerification"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    activateAtCounter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Active */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounterActivation"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCounterReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sellAtCounter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterPackage"];
            };
        };
        responses: {
            /** @description Sold; the application and its token */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CounterSale"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDashboard: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The figures */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeletionRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Open requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            decidedAt: string | null;
                            filedAt: string;
                            id: string;
                            outcome: {
                                deleted: {
                                    destroyed: {
                                        [key: string]: unknown;
                                    };
                                    reference: string;
                                }[];
                                kept: {
                                    /** @description What the retention duty does not cover, deleted now */
                                    alsoDeleted: {
                                        [key: string]: number;
                                    };
                                    /** @enum {string} */
                                    because: "contract_in_force" | "verification_record_retention" | "legal_hold";
                                    reference: string;
                                    /** @description When the kept data is destroyed (null: 3 years after the contract ends) */
                                    until: string | null;
                                }[];
                            } | null;
                            /** @enum {string} */
                            status: "filed" | "decided";
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideDeletionRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decidedAt: string | null;
                        filedAt: string;
                        id: string;
                        outcome: {
                            deleted: {
                                destroyed: {
                                    [key: string]: unknown;
                                };
                                reference: string;
                            }[];
                            kept: {
                                /** @description What the retention duty does not cover, deleted now */
                                alsoDeleted: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                because: "contract_in_force" | "verification_record_retention" | "legal_hold";
                                reference: string;
                                /** @description When the kept data is destroyed (null: 3 years after the contract ends) */
                                until: string | null;
                            }[];
                        } | null;
                        /** @enum {string} */
                        status: "filed" | "decided";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHolderChanges: {
        parameters: {
            query?: {
                status?: "pending" | "approved" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            decidedAt: string | null;
                            decidedBy: string | null;
                            evidenceCount: number;
                            id: string;
                            kind: string;
                            msisdn: string;
                            policy: string;
                            recordId: string | null;
                            reference: string;
                            rejectReason: string | null;
                            requestedAt: string;
                            status: string;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getHolderChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        current: unknown;
                        decidedAt: string | null;
                        decidedBy: string | null;
                        evidenceCount: number;
                        id: string;
                        kind: string;
                        msisdn: string;
                        policy: string;
                        recordId: string | null;
                        recordVersions: {
                            contractEndedAt: string | null;
                            createdAt: string;
                            reason: string;
                            recordId: string;
                            supersedes: string | null;
                            version: number;
                        }[];
                        reference: string;
                        rejectReason: string | null;
                        requested: unknown;
                        requestedAt: string;
                        status: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideHolderChange: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                changeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @constant */
                    decision: "approve";
                } | {
                    /** @constant */
                    decision: "reject";
                    /** @enum {string} */
                    reason: "evidence_unreadable" | "evidence_does_not_show_change" | "document_not_valid" | "other";
                };
            };
        };
        responses: {
            /** @description Decided */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        record: {
                            recordId: string;
                            supersedes: string;
                            version: number;
                        } | null;
                        status: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryCounts"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    importInventory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InventoryImport"];
            };
        };
        responses: {
            /** @description Imported; rows left out (skipInvalid) are listed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InventoryImported"];
                };
            };
            /** @description Invalid rows (each with its line number and reason): nothing was imported */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    lookupStatus: {
        parameters: {
            query?: {
                language?: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
            };
            header?: never;
            path: {
                reference: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Where the application stands */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusLookup"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPackageBatches: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batches, latest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageBatchList"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPackageBatch: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePackageBatch"];
            };
        };
        responses: {
            /** @description The batch */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageBatch"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPackageBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageBatch"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPackageLabels: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The labels */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPackageBatchCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The packages with their codes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PackageBatchCodes"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPackageBatchCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                batchId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    voidPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                packageId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidPackage"];
            };
        };
        responses: {
            /** @description The package, now void */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetailPackage"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    sellPackage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SellPackage"];
            };
        };
        responses: {
            /** @description The package, now sold */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetailPackage"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeStaffPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listStaffPlans: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["StaffPlan"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdatePlan"];
            };
        };
        responses: {
            /** @description The plan as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffPlan"];
                };
            };
            /** @description No such plan */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reportPoliceRequests: {
        parameters: {
            query?: {
                format?: "json" | "csv";
                from?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordPoliceRequest: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description e.g. 警視庁○○警察署長 */
                    authority: string;
                    /** @description The police's own reference */
                    authorityReference: string;
                    /**
                     * Format: date
                     * @description The last day (in Japan) the holder may verify again; 14 days from today when absent
                     */
                    deadline?: string;
                    /** @description The line the police asked about */
                    msisdn: string;
                    /**
                     * Format: date
                     * @description The day the written request arrived
                     */
                    receivedOn: string;
                };
            };
        };
        responses: {
            /** @description Recorded; letter and mail issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The end of the last day, as an instant */
                        deadline: string;
                        id: string;
                        letter: {
                            documentNumber: string;
                            id: string;
                            sha256: string;
                        };
                        msisdn: string;
                        reference: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverifyAtCounter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The document shown now, if it is not the one on file (a renewed passport) */
                    document?: {
                        expiryDate: string;
                        issuingCountry: string;
                        number?: string;
                        /** @enum {string} */
                        type: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence";
                    };
                    evidence: ({
                        /** @constant */
                        kind: "mrz";
                        lines: string[];
                    } | {
                        dataGroups: {
                            [key: string]: string;
                        };
                        /** @constant */
                        kind: "chip";
                        sod: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description Verified again; the line stays (or is restored, if suspended) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        method: string;
                        recordVersion: number;
                        requestId: string;
                        /** @description The deadline had suspended the line; verifying again restored it */
                        restored: boolean;
                        reverifiedAt: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPolicies: {
        parameters: {
            query?: {
                at?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policies, statutory first, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        items: {
                            contentHash: string;
                            effectiveFrom: string;
                            effectiveUntil: string | null;
                            file: string;
                            id: string;
                            /** @description Whether this version applies on the day asked about */
                            inForce: boolean;
                            /** @enum {string} */
                            kind: "statutory" | "house";
                            title: string;
                            version: string;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPolicy: {
        parameters: {
            query?: {
                at?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The policy's versions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        at: string;
                        id: string;
                        versions: {
                            contentHash: string;
                            data: {
                                [key: string]: unknown;
                            };
                            effectiveFrom: string;
                            effectiveUntil: string | null;
                            file: string;
                            id: string;
                            /** @description Whether this version applies on the day asked about */
                            inForce: boolean;
                            /** @enum {string} */
                            kind: "statutory" | "house";
                            title: string;
                            version: string;
                        }[];
                    };
                };
            };
            /** @description No policy has this id */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportVerificationRecords: {
        parameters: {
            query?: {
                cursor?: string;
                format?: "json" | "csv";
                from?: string;
                limit?: number;
                reference?: string;
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of records (JSON), or all of them (CSV) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Where the next page starts; null on the last */
                        nextCursor: string | null;
                        records: components["schemas"]["VerificationRecord"][];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransferRefunds: {
        parameters: {
            query?: {
                status?: "owed" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The refunds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRefundList"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markTransferRefundPaid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRefundPaid"];
            };
        };
        responses: {
            /** @description The refund, paid */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferRefund"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStaffSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["StaffAccount"];
                        /** @description Send it back in X-CSRF-Token with every request that changes something */
                        csrfToken: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staffSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                    otp: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        account: components["schemas"]["StaffAccount"];
                        /** @description Send it back in X-CSRF-Token with every request that changes something */
                        csrfToken: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    staffSignOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShippingWork: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Waiting and in transit, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShippingWork"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    recordShipmentEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                trackingNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Why the parcel came back, as the carrier's code (free text stays out of the record)
                     * @enum {string}
                     */
                    reason?: "addressee_unknown" | "moved" | "refused" | "not_collected" | "identity_not_confirmed" | "other";
                    /** @enum {string} */
                    type: "delivered" | "returned";
                };
            };
        };
        responses: {
            /** @description The shipment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shipment"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTransfers: {
        parameters: {
            query?: {
                open?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Transfers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            completedAt: string | null;
                            fromReference: string;
                            id: string;
                            msisdn: string;
                            newHolderState: string;
                            policy: string;
                            relationship: string;
                            requestedAt: string;
                            requirements: {
                                [key: string]: string;
                            };
                            status: string;
                            toReference: string;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookEndpoint"][];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookEndpoint"];
            };
        };
        responses: {
            /** @description Created; keep the secret */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endpoint: components["schemas"]["WebhookEndpoint"];
                        /** @description The signing secret (whsec_…), shown only now: verify webhook-signature with a Standard Webhooks library */
                        secret: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The endpoint */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookEndpoint"];
            };
        };
        responses: {
            /** @description The endpoint as it is now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEndpoint"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                endpointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveryId: string;
                        /** @constant */
                        status: "pending";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportSubscriberData: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export (format jitsumei-subscriber-data/1) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    fileDeletionRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Filed (or the open request) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decidedAt: string | null;
                        filedAt: string;
                        id: string;
                        outcome: {
                            deleted: {
                                destroyed: {
                                    [key: string]: unknown;
                                };
                                reference: string;
                            }[];
                            kept: {
                                /** @description What the retention duty does not cover, deleted now */
                                alsoDeleted: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                because: "contract_in_force" | "verification_record_retention" | "legal_hold";
                                reference: string;
                                /** @description When the kept data is destroyed (null: 3 years after the contract ends) */
                                until: string | null;
                            }[];
                        } | null;
                        /** @enum {string} */
                        status: "filed" | "decided";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOwnDeletionRequest: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        decidedAt: string | null;
                        filedAt: string;
                        id: string;
                        outcome: {
                            deleted: {
                                destroyed: {
                                    [key: string]: unknown;
                                };
                                reference: string;
                            }[];
                            kept: {
                                /** @description What the retention duty does not cover, deleted now */
                                alsoDeleted: {
                                    [key: string]: number;
                                };
                                /** @enum {string} */
                                because: "contract_in_force" | "verification_record_retention" | "legal_hold";
                                reference: string;
                                /** @description When the kept data is destroyed (null: 3 years after the contract ends) */
                                until: string | null;
                            }[];
                        } | null;
                        /** @enum {string} */
                        status: "filed" | "decided";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriberDocuments: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Documents */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            documentNumber: string;
                            id: string;
                            issuedAt: string;
                            kind: string;
                            language: string;
                            reference: string;
                            sha256: string;
                            sizeBytes: number;
                            url: string;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadSubscriberDocument: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The PDF */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSubscriberLines: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            endedAt: string | null;
                            formFactor: string;
                            /** @description What ending the line today (by port-out or termination) means, as the contract states it */
                            leaving: {
                                /** @description The deposit given back when the line ends (0: none held) */
                                depositRefundJpy: number;
                                /** @description The contract's early-termination fee if the line ended today (0 after the minimum term, or none) */
                                earlyTerminationFeeJpy: number;
                                /** @description The plan's minimum term ends (Japan date); null: none */
                                minimumTermEndsOn: string | null;
                            };
                            /**
                             * @description voice: a phone number the holder uses (and can take elsewhere); data: a data-only line
                             * @enum {string}
                             */
                            lineType: "voice" | "data";
                            /** @description The line's number; a data-only line's (020) is the network's and not shown to the holder */
                            msisdn: string;
                            planId: string;
                            /** @description The line's latest port-out reservation number: issued (valid), expired (ask again), ported or cancelled */
                            portOut: {
                                /** @description The last day the reservation number is valid (Japan) */
                                expiresOn: string;
                                issuedOn: string;
                                reservationNumber: string;
                                /** @enum {string} */
                                state: "issued" | "ported" | "expired" | "cancelled";
                            } | null;
                            reference: string;
                            startedAt: string;
                            /**
                             * @description The line's state: everything works, receive only or suspended (prepaid validity ended), suspended after a police request, or ended (terminated, transferred)
                             * @enum {string}
                             */
                            state: "active" | "receive_only" | "suspended" | "police_suspended" | "terminated" | "transferred";
                            status: string;
                            /** @description Prepaid: when the line ends without a top-up (the keep-alive rules of its plan) */
                            terminatesAt: string | null;
                            /** @description Prepaid: the end of validity; a top-up moves it on */
                            validUntil: string | null;
                        }[];
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestHolderChange: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HolderChange"];
            };
        };
        responses: {
            /** @description Waiting for a decision */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        kind: string;
                        msisdn: string;
                        policy: {
                            id: string;
                            version: string;
                        };
                        requestedAt: string;
                        status: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPortOut: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Answering another operator's one-stop request instead of a two-stop reservation */
                    oneStop?: {
                        /** @description The operator the number moves to */
                        recipient: string;
                    };
                };
            };
        };
        responses: {
            /** @description Issued (or the one still valid) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresOn: string;
                        issuedOn: string;
                        /** @enum {string} */
                        mode: "two_stop" | "one_stop";
                        msisdn: string;
                        recipient: string | null;
                        reservationNumber: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelPortOut: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        msisdn: string;
                        reservationNumber: string;
                        /** @constant */
                        state: "cancelled";
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    confirmOneStopPortOut: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
                /** @description 16–255 printable characters (a UUID): the same key and body give the same response */
                "Idempotency-Key"?: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The recipient operator's registered id */
                    recipient: string;
                    /** @description Where the recipient asked its customer to be sent back */
                    returnUrl: string;
                    /** @description The recipient's opaque state, sent back unchanged */
                    state: string;
                };
            };
        };
        responses: {
            /** @description Send the browser to redirectUrl (the recipient's return address with the state and the code) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redirectUrl: string;
                        reservation: {
                            expiresOn: string;
                            issuedOn: string;
                            /** @enum {string} */
                            mode: "two_stop" | "one_stop";
                            msisdn: string;
                            recipient: string | null;
                            reservationNumber: string;
                        };
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    reverifyOwnLine: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The document shown now, if it is not the one on file (a renewed passport) */
                    document?: {
                        expiryDate: string;
                        issuingCountry: string;
                        number?: string;
                        /** @enum {string} */
                        type: "passport" | "residence_card" | "special_permanent_resident_certificate" | "my_number_card" | "drivers_licence";
                    };
                    evidence: ({
                        /** @constant */
                        kind: "mrz";
                        lines: string[];
                    } | {
                        dataGroups: {
                            [key: string]: string;
                        };
                        /** @constant */
                        kind: "chip";
                        sod: string;
                    })[];
                };
            };
        };
        responses: {
            /** @description Verified again; the line stays (or is restored, if suspended) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        method: string;
                        recordVersion: number;
                        requestId: string;
                        /** @description The deadline had suspended the line; verifying again restored it */
                        restored: boolean;
                        reverifiedAt: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    terminateOwnLine: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        endedAt: string;
                        msisdn: string;
                        /** @description When the verification record is destroyed (the Act keeps it 3 years) */
                        purgeAfter: string | null;
                        reference: string;
                        /** @description Deposits being refunded */
                        refundsQueued: number;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    startLineTransfer: {
        parameters: {
            query?: never;
            header: {
                /** @description Bearer <token> from POST /v1/subscriber/sign-in/verify */
                Authorization: string;
            };
            path: {
                msisdn: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newHolder: {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        language: "ja" | "en" | "zh-Hans" | "zh-Hant" | "ko" | "vi";
                        phone?: string;
                    };
                    /**
                     * @description The new holder's relationship to you: none, or a relative (親族) or household member
                     * @enum {string}
                     */
                    relationship: "none" | "spouse" | "parent" | "child" | "sibling" | "grandparent" | "grandchild" | "other_relative" | "household_member";
                };
            };
        };
        responses: {
            /** @description The new holder's application (also mailed to them) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accessToken: string;
                        msisdn: string;
                        reference: string;
                        requirements: {
                            exemptRelative: boolean;
                            policy: {
                                id: string;
                                version: string;
                            };
                            relationship: string;
                            steps: {
                                [key: string]: "law" | "house" | "none";
                            };
                        };
                        transferId: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestSubscriberCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriberSignInRequest"];
            };
        };
        responses: {
            /** @description If they match an active line, a code was mailed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        sent: true;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    verifySubscriberCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriberSignInVerify"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expiresAt: string;
                        token: string;
                    };
                };
            };
            /** @description An error (RFC 9457 problem details) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
