"""Quizzes and audio players work with the keyboard alone: a test tabs to a quiz, answers it,
opens its answer, and plays an audio example, on a real lesson page in headless Chromium."""

import pytest

import browser
from sphinx_project import BROKEN_SITE

LESSON = "modules/01-sound-and-hearing/decibels-and-levels.html"


@pytest.fixture(scope="module")
def walk(course):
    browser.require_tools()
    return browser.keyboard(course.html, LESSON)


def test_tab_reaches_a_quiz_and_answers_it(walk):
    step = walk["steps"].get("quiz-input")
    assert step and step["answered"], walk


def test_enter_opens_an_answer(walk):
    step = walk["steps"].get("answer-summary")
    assert step and step["opened"], walk


def test_keyboard_plays_audio_fetched_only_then(walk):
    step = walk["steps"].get("audio")
    assert step and step["played"], walk
    assert step["fetchedAfterKey"], walk
    assert walk["audioRequestedBeforePlay"] == [], walk


def test_focus_is_visible(walk):
    assert walk["focusVisible"], walk


def test_keyboard_walk_fails_on_a_mouse_only_page():
    browser.require_tools()
    walk = browser.keyboard(BROKEN_SITE, "mouse-only.html")
    assert set(walk["missing"]) == {"quiz-input", "answer-summary", "audio"}, walk
