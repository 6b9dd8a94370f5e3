// Components as a page renders them: in next-intl's provider with the real messages, under an app
// router that only records what it is asked (no Next.js server runs in a component test).
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import { vi } from "vitest";
import en from "@/lib/platform/i18n/messages/en.json";

export function renderPage(ui: ReactElement) {
  const router = {
    back: vi.fn(),
    forward: vi.fn(),
    refresh: vi.fn(),
    hmrRefresh: vi.fn(),
    push: vi.fn(),
    replace: vi.fn(),
    prefetch: vi.fn(),
  } as unknown as AppRouterInstance & { refresh: ReturnType<typeof vi.fn> };
  const user = userEvent.setup();
  const view = render(
    <AppRouterContext.Provider value={router}>
      <NextIntlClientProvider locale="en" messages={en} timeZone="UTC">
        {ui}
      </NextIntlClientProvider>
    </AppRouterContext.Provider>,
  );
  return { ...view, user, router };
}
