import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { trackingUrlFor } from "../../issuance/delivery.ts";
import { esimActivationCode, esimQrPng, esimQrSvg } from "../../issuance/esim-qr.ts";
import { reissueEsim } from "../../issuance/reissue-esim.ts";
import { latestShipment, recordShipmentEvent, type Shipment, shipSim } from "../../issuance/shipments.ts";
import { listShippingWork } from "../../issuance/shipping-work.ts";
import type { Services } from "../../services.ts";
import { defineRoute } from "../route.ts";
import {
  referenceParamsSchema as params,
  type referenceParamsSchema,
  shipmentEventSchema,
  shipmentSchema,
  shippingWorkSchema,
  trackingParamsSchema,
} from "../schemas.ts";
import { opened } from "./application-routes.ts";
import { signedIn } from "./staff-routes.ts";

type Ref = z.infer<typeof referenceParamsSchema>;

/** A shipment with the carrier's tracking page, in the reader's language where the carrier has it. */
function tracked(services: Services, shipment: Shipment, language = "ja") {
  return {
    ...shipment,
    trackingUrl: trackingUrlFor(services.config.shipmentTrackingUrl, shipment.trackingNumber, language),
  };
}

/** What the applicant needs to get the line onto a phone: the eSIM QR code. */
export const issuanceRoutes = [
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/esim/qr.png",
    operationId: "getEsimQrPng",
    summary: "The eSIM's QR code (PNG): scan it from the phone's 'add eSIM' screen",
    tag: "issuance",
    auth: "applicant",
    params,
    responses: { 200: { description: "A PNG QR code of the SGP.22 activation code", file: "image/png" } },
    async handler({ application }, services) {
      const code = await esimActivationCode(services.db, opened(application).id);
      return {
        status: 200,
        body: await esimQrPng(code),
        headers: { "content-type": "image/png", "cache-control": "no-store" },
      };
    },
  }),
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/esim/qr.svg",
    operationId: "getEsimQrSvg",
    summary: "The eSIM's QR code (SVG)",
    tag: "issuance",
    auth: "applicant",
    params,
    responses: { 200: { description: "An SVG QR code of the SGP.22 activation code", file: "image/svg+xml" } },
    async handler({ application }, services) {
      const code = await esimActivationCode(services.db, opened(application).id);
      return {
        status: 200,
        body: await esimQrSvg(code),
        headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "no-store" },
      };
    },
  }),
  defineRoute<Ref>({
    method: "POST",
    path: "/v1/applications/{reference}/esim/redownload",
    operationId: "redownloadEsim",
    summary: "Download the eSIM again after a failed (or deleted) download: a new QR code replaces the old one",
    tag: "issuance",
    auth: "applicant",
    params,
    responses: { 204: { description: "The new order is on its way; the status page shows the new QR code" } },
    async handler({ application }, services) {
      await reissueEsim(services, opened(application).id);
      services.jobs.kick();
      return { status: 204 };
    },
  }),
  defineRoute<Ref>({
    method: "GET",
    path: "/v1/applications/{reference}/shipment",
    operationId: "getShipment",
    summary: "Where the physical SIM is: the carrier, the tracking number and the delivery status",
    tag: "issuance",
    auth: "applicant",
    params,
    responses: { 200: { description: "The latest shipment", schema: shipmentSchema } },
    async handler({ application }, services) {
      const shipment = await latestShipment(services.db, opened(application).id);
      if (!shipment) throw new AppError("not_found", "The SIM has not been sent yet");
      return { status: 200, body: tracked(services, shipment, opened(application).language) };
    },
  }),
  defineRoute<Ref>({
    method: "POST",
    path: "/v1/staff/applications/{reference}/shipment",
    operationId: "shipSim",
    summary: "Send the application's physical SIM (restricted delivery where the method requires it)",
    tag: "issuance",
    auth: "staff",
    permission: "shipments.manage",
    params,
    responses: { 201: { description: "Booked with the carrier", schema: shipmentSchema } },
    async handler({ params: p, staff }, services) {
      const shipment = await shipSim(services, {
        reference: p.reference,
        actor: { kind: "staff", id: signedIn(staff).id },
      });
      return { status: 201, body: tracked(services, shipment) };
    },
  }),
  defineRoute<z.infer<typeof trackingParamsSchema>, undefined, z.infer<typeof shipmentEventSchema>>({
    method: "POST",
    path: "/v1/staff/shipments/{trackingNumber}/events",
    operationId: "recordShipmentEvent",
    summary: "Record what the carrier reports: delivered in person, or returned (which blocks activation)",
    tag: "issuance",
    auth: "staff",
    permission: "shipments.manage",
    params: trackingParamsSchema,
    body: shipmentEventSchema,
    responses: { 200: { description: "The shipment", schema: shipmentSchema } },
    async handler({ params: p, body, staff }, services) {
      const shipment = await recordShipmentEvent(services, {
        trackingNumber: p.trackingNumber,
        type: body.type,
        reason: body.reason,
        actor: { kind: "staff", id: signedIn(staff).id },
      });
      return { status: 200, body: tracked(services, shipment) };
    },
  }),
  defineRoute({
    method: "GET",
    path: "/v1/staff/shipments",
    operationId: "listShippingWork",
    summary: "The shipping desk: physical SIMs waiting to be sent, and parcels still in transit",
    tag: "issuance",
    auth: "staff",
    permission: "shipments.manage",
    responses: { 200: { description: "Waiting and in transit, oldest first", schema: shippingWorkSchema } },
    async handler(_input, services) {
      const work = await listShippingWork(services.db);
      return {
        status: 200,
        body: {
          carrier: services.delivery.carrier,
          waiting: work.waiting.map((w) => ({
            ...w,
            lastReturned: w.lastReturned ? tracked(services, w.lastReturned) : null,
          })),
          inTransit: work.inTransit.map((p) => ({ ...p, shipment: tracked(services, p.shipment) })),
        },
      };
    },
  }),
];
