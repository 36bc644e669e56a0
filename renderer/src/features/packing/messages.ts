/** UI text of the packing screens, per language. */
export const packingMessages = {
  en: { title: 'Packing' },
  de: { title: 'Packing' },
  es: { title: 'Packing' },
};
