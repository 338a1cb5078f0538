package dev.aftersales.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.aftersales.quality.internal.QualityReport;
import dev.aftersales.quality.internal.QualityReports;
import dev.aftersales.catalog.CatalogManagement;
import dev.aftersales.support.DemoDataTest;

/** The demo's seller finds one product flagged on the quality page: Sunny Orchard's kiwis, refunded as damaged. */
class QualityDemoIntegrationTests extends DemoDataTest {

    @Autowired
    QualityReports reports;
    @Autowired
    CatalogManagement catalog;

    @Test
    void theDemoSellerSeesTheDamagedKiwisFlagged() {
        long sunny = catalog.shopByCode("sunny-orchard").orElseThrow().id();
        QualityReport report = reports.report(sunny, 30);
        assertThat(report.flagged()).extracting(QualityReport.ProductRow::sku).containsExactly("KIWI-12");
        var kiwi = report.flagged().get(0);
        assertThat(kiwi.qualityRefunds30()).isGreaterThanOrEqualTo(report.flagMinRefunds());
        assertThat(kiwi.unitsSold()).isPositive();
        assertThat(report.totals().unitsSold()).as("the demo's orders are counted as sold").isGreaterThan(kiwi.unitsSold());

        long bamboo = catalog.shopByCode("bamboo-home").orElseThrow().id();
        assertThat(reports.report(bamboo, 30).totals().claims()).as("Bamboo Home's demo claims are counted")
                .isPositive();
    }
}
