package org.tribune.admission;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tribune.account.Account;
import org.tribune.platform.InvalidInput;
import org.tribune.platform.web.JteViews;

/** The administrators' admission page: the queue, the daily quota, admitting by hand and the history of runs. */
@Controller
class AdmissionAdminController {
    private final AdmissionAdministration admission;

    AdmissionAdminController(AdmissionAdministration admission) {
        this.admission = admission;
    }

    @GetMapping("/admin/admission")
    String page(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("queue", admission.queue(after));
        model.addAttribute("dailyQuota", admission.dailyQuota());
        model.addAttribute("waiting", admission.waiting());
        model.addAttribute("runs", admission.runs());
        model.addAttribute("after", after);
        return "admission/admin";
    }

    @PostMapping("/admin/admission/quota")
    String quota(Account me, @RequestParam(defaultValue = "") String dailyQuota, RedirectAttributes redirect) {
        String value = dailyQuota.strip();
        Integer quota;
        try {
            quota = value.isEmpty() ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("dailyQuota", "admission.quota-invalid", AdmissionService.QUOTA_MAX);
        }
        admission.setDailyQuota(me, quota);
        redirect.addFlashAttribute(JteViews.NOTICE, "admission.quota-saved");
        return "redirect:/admin/admission";
    }

    @PostMapping("/admin/admission/admit")
    String admit(@RequestParam(defaultValue = "") String handle, RedirectAttributes redirect) {
        String h = handle.strip().startsWith("@") ? handle.strip().substring(1) : handle.strip();
        boolean admitted = admission.admit(h);
        redirect.addFlashAttribute(JteViews.NOTICE, admitted ? "admission.admitted" : "admission.already-in");
        return "redirect:/admin/admission";
    }
}
