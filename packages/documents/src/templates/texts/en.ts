import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "Document number",
  date: "Date",
  applicantName: "Subscriber",
  applicationReference: "Application reference",
  plan: "Plan",
  tariff: "Price",
  deposit: "Deposit",
  minimumTerm: "Minimum term",
  operator: "Telecommunications carrier",
};

const tariff = { monthly: "{price} a month (tax included)", prepaid: "{price} for {days} days (tax included)" };

export const en: LanguageTexts = {
  languageName: "English",
  formats: {
    yen: "¥{amount}",
    date: "{day} {monthName} {year}",
    monthNames: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    thousandsSeparator: ",",
    months: "{count} months",
    none: "none",
    labelSeparator: ": ",
    page: "{page} / {pages}",
  },
  services: { voice: "voice calls", sms: "SMS", data: "mobile data" },
  listSeparator: ", ",
  terms: {
    deposit:
      "A deposit of {amount} is paid at contract. When the contract ends it is refunded, less any unpaid charges.",
    noDeposit: "No deposit is required.",
    minimumTerm: "{months} from the contract date.",
    noMinimumTerm: "There is no minimum term.",
    cancellationFee: "Cancelling within the minimum term costs an early-termination fee of {fee} (tax included).",
    noCancellationFee: "No cancellation fee is charged.",
  },
  importantMatters: {
    title: "Explanation of Important Matters",
    intro:
      "Under Article 26 of the Telecommunications Business Act, we explain the following terms before you sign. Please read them carefully before you apply.",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "Telecommunications carrier",
        body: "{operatorName}\n{operatorAddress}\nRegistration number: {registrationNumber}",
      },
      service: {
        heading: "The service",
        body: "{planName} ({services}), within our service area. Speeds are maximums and may fall with congestion or signal conditions (best effort).",
      },
      charges: {
        heading: "Charges",
        body: "{tariff}. Usage charges such as call charges are billed separately, as the tariff sets them.",
      },
      deposit: { heading: "Deposit", body: "{deposit}" },
      term: { heading: "Minimum term", body: "{minimumTerm}" },
      initialCancellation: {
        heading: "Initial cancellation (cooling-off)",
        body: "Until {initialCancellationDays} days have passed, counting from the day you receive this document, you may cancel the contract in writing or electronically without our consent and without a cancellation fee. Charges for use until then remain payable.",
      },
      cancellation: {
        heading: "Cancellation",
        body: "You may cancel at any time through our help desk. {cancellationFee}",
      },
      identity: {
        heading: "Identity verification",
        body: "Under the Mobile Phone Improper Use Prevention Act we verify your identity at contract and keep the record for 3 years after the contract ends. Handing the SIM to someone else without our consent is prohibited by law.",
      },
      personalData: {
        heading: "Personal data",
        body: "We handle your personal data under our privacy policy ({operatorUrl}).",
      },
      contact: {
        heading: "Help desk",
        body: "{operatorName}, phone {operatorPhone} ({supportHours}), {operatorUrl}",
      },
    },
    acknowledgement: "I have received the explanation of the important matters above and understood it.",
  },
  contract: {
    title: "Mobile Service Contract",
    intro:
      '{operatorName} ("we") and the subscriber named below conclude a mobile service contract on the following terms.',
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "Article 1 (Parties)",
        body: "Carrier: {operatorName} ({operatorAddress})\nSubscriber: the person named under “Subscriber” above",
      },
      subject: {
        heading: "Article 2 (Service)",
        body: "We provide the subscriber with {planName} ({services}).",
      },
      charges: {
        heading: "Article 3 (Charges)",
        body: "{tariff}. Usage charges such as call charges follow the tariff.",
      },
      deposit: { heading: "Article 4 (Deposit)", body: "{deposit}" },
      term: { heading: "Article 5 (Minimum term)", body: "{minimumTerm}" },
      cancellation: {
        heading: "Article 6 (Cancellation)",
        body: "The subscriber may cancel this contract at any time. {cancellationFee} Initial cancellation (cooling-off) is as the Explanation of Important Matters describes.",
      },
      obligations: {
        heading: "Article 7 (Subscriber's obligations)",
        body: "The subscriber must not transfer or lend the SIM card or eSIM to anyone without our consent, and must tell us promptly of any change of name or address.",
      },
      identity: {
        heading: "Article 8 (Identity verification)",
        body: "We verify the subscriber's identity under the Mobile Phone Improper Use Prevention Act and keep the record for 3 years after the contract ends.",
      },
      law: {
        heading: "Article 9 (Governing law and court)",
        body: "This contract is governed by Japanese law. The Tokyo District Court has exclusive jurisdiction in the first instance.",
      },
    },
    seal: "This contract is sealed with our electronic signature and a time-stamp.",
  },
  receipt: {
    title: "Receipt",
    intro: "We have received the amount below.",
    labels: {
      receiptNumber: "Receipt number",
      date: "Date received",
      receivedFrom: "Received from",
      applicationReference: "Application reference",
      paymentId: "Payment ID",
      description: "For",
      amount: "Amount",
      issuer: "Issued by",
      consumptionTax: "Of which consumption tax (10%)",
      invoiceRegistrationNumber: "Qualified invoice registration number",
    },
    purposes: {
      deposit: "Deposit",
      plan_purchase: "Purchase of the prepaid plan “{planName}”",
      monthly_charge: "Monthly charge for “{planName}”",
    },
    notTaxable: "Not subject to tax (deposit)",
    invoiceNumberAbsent: "None (this receipt is not a qualified invoice)",
    taxNote: "Charges include consumption tax. Deposits are not subject to consumption tax.",
  },
};
