import { createContext, useContext } from "react";
import { STRINGS, type Strings } from "../strings";

export const StringsContext = createContext<Strings>(STRINGS.zh);

/** The strings of the pane's language. */
export const useStrings = (): Strings => useContext(StringsContext);
