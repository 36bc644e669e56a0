/** UI text of the receiving screens, per language. */
export const receivingMessages = {
  en: { title: 'Receiving' },
  de: { title: 'Receiving' },
  es: { title: 'Receiving' },
};
