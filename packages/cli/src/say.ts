import type { Lang } from '@report-convert/core';

/** The message in the user's language: Chinese by default, English with --lang en. */
export const t = (lang: Lang, zh: string, en: string): string => (lang === 'zh' ? zh : en);
