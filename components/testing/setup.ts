// Component tests: Testing Library's matchers (toHaveValue, toHaveFocus…), and each test's page
// unmounted after it so the next starts from an empty document.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

afterEach(() => cleanup());
