"use client";
export { default } from "@/components/ui/route-error";
